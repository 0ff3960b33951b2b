package org.civis.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.civis.core.schema.SampleIdentities.TODAY;
import static org.civis.core.schema.SampleIdentities.minimalIdentity;
import static org.civis.core.schema.SampleIdentities.validate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DateFieldValidationTest {

    @Test
    void dateEqualToTodayIsAccepted() {
        assertThat(validate(minimalIdentity().put("dateOfBirth", TODAY.toString())))
                .isEmpty();
    }

    @Test
    void tomorrowIsInTheFuture() {
        assertThat(validate(
                        minimalIdentity().put("dateOfBirth", TODAY.plusDays(1).toString())))
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("/identity/dateOfBirth", ViolationCode.DATE_IN_FUTURE));
    }

    @Test
    void todayIsTakenInTheClocksTimeZone() {
        // 22:30 UTC on 15 June is already 16 June in Nairobi (UTC+3).
        Clock nairobiEvening = Clock.fixed(Instant.parse("2025-06-15T22:30:00Z"), ZoneId.of("Africa/Nairobi"));
        SchemaValidator validator = new SchemaValidator(IdSchema.defaultSchema(), nairobiEvening);

        assertThat(validator.validate(minimalIdentity().put("dateOfBirth", "2025-06-16"), "/identity"))
                .isEmpty();
        assertThat(validator.validate(minimalIdentity().put("dateOfBirth", "2025-06-17"), "/identity"))
                .extracting(Violation::code)
                .containsExactly(ViolationCode.DATE_IN_FUTURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1900-01-01", "2024-02-29", "2000-02-29", "1999-12-31"})
    void realDatesWithinRangeAreAccepted(String date) {
        assertThat(validate(minimalIdentity().put("dateOfBirth", date))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1899-12-31", "0001-01-01", "0000-01-01"})
    void datesBefore1900AreOutOfRange(String date) {
        assertThat(validate(minimalIdentity().put("dateOfBirth", date)))
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("/identity/dateOfBirth", ViolationCode.DATE_OUT_OF_RANGE));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2023-02-30", "2023-02-29", "1900-02-29", "2023-13-01", "2023-00-10", "2023-04-31", "2023-01-00",
                "2023-1-5", "20230105", "2023/01/05", "05-01-2023", "+2023-01-05", "12023-01-05", " 2023-01-05",
                "2023-01-05 ", "2023-01-05T00:00", "２０２３-01-05", "", "yesterday"
            })
    void anythingButARealYyyyMmDdDateIsADateFormatViolation(String date) {
        assertThat(validate(minimalIdentity().put("dateOfBirth", date)))
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("/identity/dateOfBirth", ViolationCode.DATE_FORMAT));
    }
}
