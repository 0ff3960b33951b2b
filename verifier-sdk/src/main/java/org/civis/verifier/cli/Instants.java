package org.civis.verifier.cli;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** ISO-8601 instants as people write them: {@code 2026-01-31T12:00:00Z} or with an offset. */
final class Instants {
    private Instants() {}

    static Checked<Instant> parse(String text, String what) {
        try {
            return Checked.ok(Instant.parse(text));
        } catch (DateTimeParseException e) {
            try {
                return Checked.ok(OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeParseException e2) {
                return Checked.mistake(what + ": not an ISO-8601 instant: " + text);
            }
        }
    }
}
