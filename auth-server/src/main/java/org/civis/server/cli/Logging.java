package org.civis.server.cli;

import org.slf4j.bridge.SLF4JBridgeHandler;

/** Sends java.util.logging (used by some libraries) through the same logback configuration. */
final class Logging {
    private Logging() {}

    static void routeJulToSlf4j() {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }
}
