package org.civis.verifier.cli;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** ISO-8601 instants as people write them: {@code 2026-01-31T12:00:00Z} or with an offset. */
final class Instants {
    private Instants() {}

    static Instant parse(String text, String what) throws UsageException {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e2) {
                throw new UsageException(what + ": not an ISO-8601 instant: " + text);
            }
        }
    }
}
