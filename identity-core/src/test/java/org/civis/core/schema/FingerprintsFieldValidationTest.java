package org.civis.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.civis.core.schema.SampleIdentities.base64;
import static org.civis.core.schema.SampleIdentities.fingerprint;
import static org.civis.core.schema.SampleIdentities.minimalIdentity;
import static org.civis.core.schema.SampleIdentities.validate;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class FingerprintsFieldValidationTest {

    private static JsonObject withFingerprints(JsonObject... entries) {
        return minimalIdentity().put("fingerprints", new JsonArray(Arrays.asList((Object[]) entries)));
    }

    @Test
    void allTenFingersAreAccepted() {
        JsonObject[] tenFingers = Arrays.stream(FingerPosition.values())
                .filter(position -> position != FingerPosition.UNKNOWN)
                .map(position -> fingerprint(position.name()))
                .toArray(JsonObject[]::new);

        assertThat(validate(withFingerprints(tenFingers))).isEmpty();
    }

    @Test
    void fingerPositionsCarryTheirIsoCodes() {
        assertThat(FingerPosition.RIGHT_THUMB.isoCode()).isEqualTo(1);
        assertThat(FingerPosition.RIGHT_LITTLE.isoCode()).isEqualTo(5);
        assertThat(FingerPosition.LEFT_THUMB.isoCode()).isEqualTo(6);
        assertThat(FingerPosition.LEFT_LITTLE.isoCode()).isEqualTo(10);
        assertThat(FingerPosition.UNKNOWN.isoCode()).isZero();
        assertThat(Arrays.stream(FingerPosition.values())
                        .map(FingerPosition::isoCode)
                        .distinct())
                .hasSize(11);
    }

    @ParameterizedTest
    @EnumSource(FingerprintFormat.class)
    void everyListedFormatIsAccepted(FingerprintFormat format) {
        assertThat(validate(withFingerprints(fingerprint("LEFT_INDEX").put("format", format.jsonName()))))
                .isEmpty();
    }

    @Test
    void fingerprintFormatsUseTheirWireNames() {
        assertThat(FingerprintFormat.values())
                .extracting(FingerprintFormat::jsonName)
                .containsExactly("png", "jpeg", "bmp", "tiff", "wsq", "iso19794-2", "ansi378");
        assertThat(FingerprintFormat.fromJsonName("iso19794-2")).contains(FingerprintFormat.ISO_19794_2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"WSQ", "gif", "iso19794-4", ""})
    void otherFormatsAreNotAllowed(String format) {
        assertThat(validate(withFingerprints(fingerprint("LEFT_INDEX").put("format", format))))
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("/identity/fingerprints/0/format", ViolationCode.FINGER_FORMAT_NOT_ALLOWED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"right_thumb", "RIGHT THUMB", "THUMB", "1", ""})
    void positionsMustBeExactEnumNames(String position) {
        assertThat(validate(withFingerprints(fingerprint(position))))
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("/identity/fingerprints/0/position", ViolationCode.FINGER_POSITION_INVALID));
    }

    @Test
    void unknownPositionMayRepeat() {
        assertThat(validate(withFingerprints(fingerprint("UNKNOWN"), fingerprint("UNKNOWN"), fingerprint("UNKNOWN"))))
                .isEmpty();
    }

    @Test
    void eachRepeatOfAFingerIsADuplicate() {
        assertThat(validate(withFingerprints(
                        fingerprint("LEFT_RING"),
                        fingerprint("LEFT_RING"),
                        fingerprint("RIGHT_RING"),
                        fingerprint("LEFT_RING"))))
                .extracting(Violation::path, Violation::code)
                .containsExactly(
                        tuple("/identity/fingerprints/1/position", ViolationCode.FINGER_POSITION_DUPLICATE),
                        tuple("/identity/fingerprints/3/position", ViolationCode.FINGER_POSITION_DUPLICATE));
    }

    @ParameterizedTest
    @ValueSource(ints = {250, 500, 1000})
    void dpiWithinRangeIsAccepted(int dpi) {
        assertThat(validate(withFingerprints(fingerprint("LEFT_INDEX").put("dpi", dpi))))
                .isEmpty();
    }

    @Test
    void dpiIsOptional() {
        JsonObject entry = fingerprint("LEFT_INDEX");
        entry.remove("dpi");

        assertThat(validate(withFingerprints(entry))).isEmpty();
        assertThat(validate(withFingerprints(fingerprint("LEFT_INDEX").putNull("dpi"))))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {249, 1001, 0, -500, Long.MAX_VALUE})
    void dpiOutsideRangeIsReported(long dpi) {
        assertThat(validate(withFingerprints(fingerprint("LEFT_INDEX").put("dpi", dpi))))
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("/identity/fingerprints/0/dpi", ViolationCode.FINGER_DPI_OUT_OF_RANGE));
    }

    @Test
    void hugeDpiParsedAsBigIntegerIsOutOfRangeNotAnError() {
        JsonObject identity = new JsonObject(withFingerprints(fingerprint("LEFT_INDEX"))
                .encode()
                .replace("\"dpi\":500", "\"dpi\":123456789012345678901234567890"));

        assertThat(identity.getJsonArray("fingerprints").getJsonObject(0).getValue("dpi"))
                .isInstanceOf(BigInteger.class);
        assertThat(validate(identity))
                .extracting(Violation::code)
                .containsExactly(ViolationCode.FINGER_DPI_OUT_OF_RANGE);
    }

    @Test
    void fractionalDpiIsAWrongType() {
        assertThat(validate(withFingerprints(fingerprint("LEFT_INDEX").put("dpi", 500.5))))
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("/identity/fingerprints/0/dpi", ViolationCode.FIELD_TYPE));
    }

    @Test
    void dataMustBeStandardBase64() {
        assertThat(validate(withFingerprints(fingerprint("LEFT_INDEX").put("data", "_-_-"))))
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("/identity/fingerprints/0/data", ViolationCode.FINGER_DATA_INVALID));
    }

    @Test
    void dataUpToTheLimitIsAcceptedAndOneByteMoreIsTooLarge() {
        assertThat(validate(withFingerprints(fingerprint("LEFT_INDEX").put("data", base64(new byte[1_048_576])))))
                .isEmpty();
        assertThat(validate(withFingerprints(fingerprint("LEFT_INDEX").put("data", base64(new byte[1_048_577])))))
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("/identity/fingerprints/0/data", ViolationCode.FINGER_DATA_TOO_LARGE));
    }

    @Test
    void emptyArrayIsEmpty() {
        assertThat(validate(withFingerprints()))
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("/identity/fingerprints", ViolationCode.FIELD_EMPTY));
    }

    @Test
    void moreThanTenEntriesExceedTheCount() {
        JsonObject[] eleven =
                Stream.generate(() -> fingerprint("UNKNOWN")).limit(11).toArray(JsonObject[]::new);

        assertThat(validate(withFingerprints(eleven)))
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("/identity/fingerprints", ViolationCode.FINGER_COUNT_EXCEEDED));
    }

    @Test
    void missingAndUnknownMembersAreReportedPerEntry() {
        JsonObject entry = new JsonObject().put("finger", "RIGHT_THUMB").put("data", base64(new byte[] {1}));

        assertThat(validate(withFingerprints(fingerprint("LEFT_INDEX"), entry)))
                .extracting(Violation::path, Violation::code)
                .containsExactly(
                        tuple("/identity/fingerprints/1", ViolationCode.FIELD_UNKNOWN),
                        tuple("/identity/fingerprints/1/position", ViolationCode.FIELD_REQUIRED),
                        tuple("/identity/fingerprints/1/format", ViolationCode.FIELD_REQUIRED));
    }
}
