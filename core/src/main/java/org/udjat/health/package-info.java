/**
 * The poller's own health: the heartbeat every cycle leaves ({@code heartbeat.json}), the crashes of
 * {@code udjat run} ({@code crashes/}), and the messages about them (a crash, a run of overruns) that
 * the next cycle sends to the low-urgency channels. {@code udjat watchdog} on a second machine reads
 * the heartbeat to tell when the poller itself has stopped.
 */
package org.udjat.health;
