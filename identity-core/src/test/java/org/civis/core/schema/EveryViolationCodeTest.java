package org.civis.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.civis.core.schema.SampleIdentities.TODAY;
import static org.civis.core.schema.SampleIdentities.base64;
import static org.civis.core.schema.SampleIdentities.bytesStartingWith;
import static org.civis.core.schema.SampleIdentities.fingerprint;
import static org.civis.core.schema.SampleIdentities.fullIdentity;
import static org.civis.core.schema.SampleIdentities.tinyPng;
import static org.civis.core.schema.SampleIdentities.validate;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One mistake per case, applied to an otherwise valid identity: each must produce exactly one
 * violation, with the expected code at the expected path. Together the cases cover every code.
 */
class EveryViolationCodeTest {

    record Mistake(ViolationCode code, String path, Consumer<JsonObject> apply) {
        @Override
        public String toString() {
            return code + " at " + path;
        }
    }

    static Stream<Mistake> mistakes() {
        return Stream.of(
                new Mistake(ViolationCode.FIELD_REQUIRED, "/identity/dateOfBirth", id -> id.remove("dateOfBirth")),
                new Mistake(ViolationCode.FIELD_UNKNOWN, "/identity", id -> id.put("nickname", "Mina")),
                new Mistake(ViolationCode.FIELD_TYPE, "/identity/gender", id -> id.put("gender", 2)),
                new Mistake(ViolationCode.FIELD_EMPTY, "/identity/gender", id -> id.put("gender", " \t ")),
                new Mistake(ViolationCode.FIELD_TOO_LONG, "/identity/nationality", id -> id.put("nationality", "KENY")),
                new Mistake(
                        ViolationCode.FIELD_VALUE_NOT_ALLOWED, "/identity/gender", id -> id.put("gender", "Female")),
                new Mistake(ViolationCode.LANGUAGE_NOT_ALLOWED, "/identity/fullName", id -> id.getJsonObject("fullName")
                        .put("deu", "Amina Njoroge")),
                new Mistake(
                        ViolationCode.DATE_FORMAT, "/identity/dateOfBirth", id -> id.put("dateOfBirth", "2023-02-30")),
                new Mistake(
                        ViolationCode.DATE_IN_FUTURE,
                        "/identity/dateOfBirth",
                        id -> id.put("dateOfBirth", TODAY.plusDays(1).toString())),
                new Mistake(
                        ViolationCode.DATE_OUT_OF_RANGE,
                        "/identity/dateOfBirth",
                        id -> id.put("dateOfBirth", "1899-12-31")),
                new Mistake(ViolationCode.PHONE_FORMAT, "/identity/phone", id -> id.put("phone", "+254 712 345678")),
                new Mistake(ViolationCode.EMAIL_FORMAT, "/identity/email", id -> id.put("email", "amina@@example.org")),
                new Mistake(ViolationCode.IMAGE_FORMAT_NOT_ALLOWED, "/identity/photo/format", id -> id.getJsonObject(
                                "photo")
                        .put("format", "gif")),
                new Mistake(ViolationCode.IMAGE_DATA_INVALID, "/identity/photo/data", id -> id.getJsonObject("photo")
                        .put("data", "not base64!")),
                new Mistake(ViolationCode.IMAGE_TOO_LARGE, "/identity/photo/data", id -> id.getJsonObject("photo")
                        .put("data", base64(bytesStartingWith(tinyPng(), 262_145)))),
                new Mistake(
                        ViolationCode.IMAGE_CONTENT_MISMATCH, "/identity/photo/data", id -> id.getJsonObject("photo")
                                .put("format", "jpeg")),
                new Mistake(
                        ViolationCode.FINGER_POSITION_INVALID,
                        "/identity/fingerprints/0/position",
                        id -> firstFingerprint(id).put("position", "RIGHT_TOE")),
                new Mistake(
                        ViolationCode.FINGER_POSITION_DUPLICATE,
                        "/identity/fingerprints/2/position",
                        id -> id.put(
                                "fingerprints",
                                new JsonArray()
                                        .add(fingerprint("RIGHT_THUMB"))
                                        .add(fingerprint("LEFT_THUMB"))
                                        .add(fingerprint("RIGHT_THUMB")))),
                new Mistake(
                        ViolationCode.FINGER_FORMAT_NOT_ALLOWED,
                        "/identity/fingerprints/0/format",
                        id -> firstFingerprint(id).put("format", "gif")),
                new Mistake(
                        ViolationCode.FINGER_DPI_OUT_OF_RANGE,
                        "/identity/fingerprints/0/dpi",
                        id -> firstFingerprint(id).put("dpi", 1200)),
                new Mistake(
                        ViolationCode.FINGER_DATA_INVALID, "/identity/fingerprints/0/data", id -> firstFingerprint(id)
                                .put("data", "@@@@")),
                new Mistake(
                        ViolationCode.FINGER_DATA_TOO_LARGE, "/identity/fingerprints/0/data", id -> firstFingerprint(id)
                                .put("data", base64(new byte[1_048_577]))),
                new Mistake(
                        ViolationCode.FINGER_COUNT_EXCEEDED,
                        "/identity/fingerprints",
                        id -> id.put(
                                "fingerprints",
                                Stream.generate(() -> fingerprint("UNKNOWN"))
                                        .limit(11)
                                        .collect(JsonArray::new, JsonArray::add, JsonArray::addAll))));
    }

    private static JsonObject firstFingerprint(JsonObject identity) {
        return identity.getJsonArray("fingerprints").getJsonObject(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void eachMistakeIsReportedWithItsCodeAtItsPath(Mistake mistake) {
        JsonObject identity = fullIdentity();
        mistake.apply().accept(identity);

        assertThat(validate(identity))
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple(mistake.path(), mistake.code()));
    }

    @Test
    void theCasesAboveCoverEveryViolationCode() {
        Set<ViolationCode> covered = mistakes().map(Mistake::code).collect(Collectors.toSet());

        // These three judge the fingerprint itself, which the schema validator leaves to extraction;
        // FingerprintIntakeTest covers them.
        Set<ViolationCode> fromExtraction = EnumSet.of(
                ViolationCode.FINGER_IMAGE_UNREADABLE,
                ViolationCode.FINGER_TEMPLATE_UNREADABLE,
                ViolationCode.FINGER_TOO_FEW_MINUTIAE);

        assertThat(covered).containsExactlyInAnyOrderElementsOf(EnumSet.complementOf(EnumSet.copyOf(fromExtraction)));
    }
}
