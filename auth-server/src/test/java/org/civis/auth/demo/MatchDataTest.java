package org.civis.auth.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.civis.auth.demo.Residents.SCHEMA;
import static org.civis.auth.demo.Residents.grace;
import static org.civis.auth.demo.Residents.graceData;
import static org.civis.auth.demo.Residents.name;

import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MatchDataTest {

    private static final NamePolicy LOOSE = new NamePolicy(true, true, 0.0);
    private static final List<String> PERSONAL_VALUES = List.of(
            "Grace", "grace", "Wanjiru", "wanjiru", "Mwangi", "mwangi", "1990-04-17", "712345678", "Example.org");

    private final DemographicMatcher matcher = new DemographicMatcher(SCHEMA);

    @Test
    void contactDetailsAreKeptAsEnrolled() {
        MatchData data = graceData();

        assertThat(data.phone()).hasValue("+254712345678");
        assertThat(data.email()).hasValue("Grace.Mwangi@Example.org");
    }

    @Test
    void anIdentityWithoutContactsHasNone() {
        MatchData data = MatchData.of(SCHEMA, name("eng", "Peter Otieno"));

        assertThat(data.phone()).isEmpty();
        assertThat(data.email()).isEmpty();
    }

    @Test
    void aRoundTripThroughBytesMatchesAndContactsLikeTheOriginal() {
        MatchData original = graceData();

        MatchData restored = MatchData.fromBytes(original.toBytes());

        assertThat(restored).isEqualTo(original);
        assertThat(restored.phone()).isEqualTo(original.phone());
        assertThat(restored.email()).isEqualTo(original.email());
        assertThat(restored.toBytes()).isEqualTo(original.toBytes());
        JsonObject everyDemographic = grace().put("gender", "Female");
        everyDemographic.remove("photo");
        for (JsonObject requested : List.of(
                everyDemographic,
                name("eng", "Grace Wanjiro Mwangi"),
                name("swa", "Grase Mwangi"),
                new JsonObject().put("dateOfBirth", "1990-04-18"))) {
            for (MatchStrategy strategy : MatchStrategy.values()) {
                assertThat(matcher.match(restored, requested, strategy, Optional.empty(), LOOSE))
                        .isEqualTo(matcher.match(original, requested, strategy, Optional.empty(), LOOSE));
            }
        }
    }

    @Test
    void theBytesStartWithTheFormatVersion() {
        assertThat(graceData().toBytes()[0]).isEqualTo(MatchDataCodec.VERSION);
    }

    @Test
    void garbageIsRejectedWithIllegalArgumentException() {
        byte[] valid = graceData().toBytes();
        byte[] otherVersion = valid.clone();
        otherVersion[0] = 99;
        byte[] trailing = Arrays.copyOf(valid, valid.length + 1);
        byte[] random = new byte[200];
        new Random(42).nextBytes(random);
        random[0] = MatchDataCodec.VERSION;

        for (byte[] garbage : List.of(new byte[0], otherVersion, trailing, random, "{\"fullName\":1}".getBytes())) {
            assertThatIllegalArgumentException().isThrownBy(() -> MatchData.fromBytes(garbage));
        }
    }

    @Test
    void everyTruncationIsRejected() {
        byte[] valid = graceData().toBytes();

        for (int length = 0; length < valid.length; length++) {
            byte[] truncated = Arrays.copyOf(valid, length);
            assertThatIllegalArgumentException()
                    .as("truncated to %d bytes", length)
                    .isThrownBy(() -> MatchData.fromBytes(truncated))
                    .withMessageStartingWith("not MatchData");
        }
    }

    @Test
    void theTextFormsNameFieldsButNoValues() {
        MatchData data = graceData();
        DemoResult result = matcher.match(
                data, name("eng", "Grace Wanjiro Mwangi"), MatchStrategy.PARTIAL, Optional.empty(), LOOSE);

        assertThat(data.toString()).contains("fullName");
        assertThat(List.of(data.toString(), result.toString()))
                .allSatisfy(text -> assertThat(text).doesNotContain(PERSONAL_VALUES));
    }

    @Test
    void errorsNameTheFieldButNotTheValue() {
        JsonObject nameAsPlainString = grace().put("fullName", "Grace Wanjiru Mwangi");
        byte[] withTrailingName = graceData().toBytes();
        byte[] tampered = Arrays.copyOf(withTrailingName, withTrailingName.length + 7);
        System.arraycopy("Mwangi!".getBytes(), 0, tampered, withTrailingName.length, 7);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> MatchData.of(SCHEMA, nameAsPlainString))
                .withMessageContaining("fullName")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PERSONAL_VALUES));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MatchData.fromBytes(tampered))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PERSONAL_VALUES));
    }
}
