package org.civis.core.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.LongStream;
import org.civis.core.schema.IdSchema;
import org.civis.core.schema.SchemaValidator;
import org.junit.jupiter.api.Test;

/** Resident i of a seed is always the same person, valid for the default schema, with a phone of its own. */
class SyntheticPopulationTest {
    private final SchemaValidator validator = new SchemaValidator(
            IdSchema.defaultSchema(), Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void residentIOfASeedIsAlwaysTheSamePersonFingersIncluded() {
        SyntheticResident once = new SyntheticPopulation(42).resident(12_345);
        SyntheticResident again = new SyntheticPopulation(42).resident(12_345);

        assertThat(again.identity(true)).isEqualTo(once.identity(true));
        assertThat(again.fingerprintProbe(3)).isEqualTo(once.fingerprintProbe(3));
        assertThat(once.fingerprintProbe(4)).isNotEqualTo(once.fingerprintProbe(3));
        assertThat(new SyntheticPopulation(43).resident(12_345).identity(false)).isNotEqualTo(once.identity(false));
    }

    @Test
    void residentsAreValidForTheDefaultSchemaSpeakEveryLanguageAndHaveTheirOwnPhones() {
        SyntheticPopulation population = new SyntheticPopulation(1);
        Set<String> phones = new HashSet<>();
        Set<String> languages = new HashSet<>();
        LongStream.range(0, 5_000).forEach(i -> {
            SyntheticResident resident = population.resident(i);
            assertThat(validator.validate(resident.identity(i % 500 == 0), "/identity"))
                    .as("resident %d", i)
                    .isEmpty();
            phones.add(resident.phone());
            languages.add(resident.language());
        });

        assertThat(phones).hasSize(5_000);
        assertThat(languages).containsExactlyInAnyOrder("eng", "fra", "ara", "hin", "spa", "por", "swa");
    }
}
