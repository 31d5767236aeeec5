package org.udjat.cli;

/**
 * Sets up slf4j-simple before the first logger is created: short lines on stderr
 * ({@code WARN plugin foo left out: ...}), info by default, debug with {@code -v}.
 */
final class Logging {
    private Logging() {
    }

    static void configure(String[] args) {
        boolean verbose = false;
        for (String arg : args) {
            if (arg.equals("-v") || arg.equals("--verbose")) {
                verbose = true;
            }
        }
        set("org.slf4j.simpleLogger.logFile", "System.err");
        set("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "info");
        set("org.slf4j.simpleLogger.showThreadName", "false");
        set("org.slf4j.simpleLogger.showLogName", "false");
        set("org.slf4j.simpleLogger.showShortLogName", "false");
        set("org.slf4j.simpleLogger.levelInBrackets", "false");
        // PF4J and JSch are chatty at info; their detail is only wanted with -v
        set("org.slf4j.simpleLogger.log.org.pf4j", verbose ? "debug" : "warn");
        set("org.slf4j.simpleLogger.log.com.jcraft", verbose ? "debug" : "warn");
    }

    private static void set(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
