package org.civis.verifier.claims;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/** Field 8: {@code YYYYMMDD} per the spec, {@code YYYY-MM-DD} as MOSIP's own issuer writes it. */
final class DateOfBirth {
    private static final DateTimeFormatter COMPACT =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private DateOfBirth() {}

    static Optional<LocalDate> parse(String text) {
        DateTimeFormatter format = text.length() == 8 ? COMPACT : text.length() == 10 ? ISO : null;
        if (format == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text, format));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
