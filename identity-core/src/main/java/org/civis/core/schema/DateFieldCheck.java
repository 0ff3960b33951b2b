package org.civis.core.schema;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar date written {@code YYYY-MM-DD}, between 1900-01-01 and today. */
final class DateFieldCheck implements FieldCheck {

    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    // Checked before parsing because LocalDate.parse also accepts signed and five-digit years.
    private static final Pattern SHAPE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    private final Clock clock;

    DateFieldCheck(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void check(FieldSpec spec, Object value, String path, ViolationCollector violations) {
        if (!(value instanceof String text)) {
            violations.add(path, ViolationCode.FIELD_TYPE, "must be a string in the form YYYY-MM-DD");
            return;
        }
        LocalDate date = parse(text);
        if (date == null) {
            violations.add(path, ViolationCode.DATE_FORMAT, "must be a real calendar date in the form YYYY-MM-DD");
            return;
        }
        // "Today" is in the clock's time zone, which should be the ID authority's.
        if (date.isAfter(LocalDate.now(clock))) {
            violations.add(path, ViolationCode.DATE_IN_FUTURE, "must not be in the future");
        } else if (date.isBefore(EARLIEST)) {
            violations.add(path, ViolationCode.DATE_OUT_OF_RANGE, "must not be before " + EARLIEST);
        }
    }

    /** The date, or null when the text is not YYYY-MM-DD or names a day that does not exist. */
    private static LocalDate parse(String text) {
        Matcher parts = SHAPE.matcher(text);
        if (!parts.matches()) {
            return null;
        }
        try {
            // LocalDate.of rejects impossible days such as 30 February instead of rounding them.
            return LocalDate.of(
                    Integer.parseInt(parts.group(1)),
                    Integer.parseInt(parts.group(2)),
                    Integer.parseInt(parts.group(3)));
        } catch (DateTimeException impossibleDay) {
            return null;
        }
    }
}
