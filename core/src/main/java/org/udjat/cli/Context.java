package org.udjat.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;

/**
 * What a command needs from the world, injected so tests run commands in-process with an
 * exact clock and environment.
 *
 * @param env   environment variables (secrets may be read from them)
 * @param clock the time source
 * @param out   standard output (results)
 * @param err   standard error (messages for the operator)
 */
public record Context(Map<String, String> env, Clock clock, PrintWriter out, PrintWriter err) {
}
