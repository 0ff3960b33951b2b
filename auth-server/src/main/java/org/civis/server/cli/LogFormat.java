package org.civis.server.cli;

import ch.qos.logback.core.PropertyDefinerBase;

/**
 * Names the appender logback.xml logs to, from {@code CIVIS_LOG_FORMAT}: {@code text} (the
 * default, one readable line per event) or {@code json} (one JSON object per line, for log
 * shippers). A wrong value logs as text, so the server's own refusal of it can still be read.
 */
public final class LogFormat extends PropertyDefinerBase {
    static final String VARIABLE = "CIVIS_LOG_FORMAT";

    @Override
    public String getPropertyValue() {
        // A property of the logging context first (tests set one), then the environment.
        String value = getContext().getProperty(VARIABLE);
        if (value == null) {
            value = System.getenv(VARIABLE);
        }
        return value != null && value.trim().equals("json") ? "JSON" : "TEXT";
    }
}
