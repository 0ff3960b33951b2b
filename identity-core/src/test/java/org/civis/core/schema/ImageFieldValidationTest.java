package org.civis.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.civis.core.schema.SampleIdentities.CLOCK;
import static org.civis.core.schema.SampleIdentities.base64;
import static org.civis.core.schema.SampleIdentities.bytesStartingWith;
import static org.civis.core.schema.SampleIdentities.minimalIdentity;
import static org.civis.core.schema.SampleIdentities.tinyPng;
import static org.civis.core.schema.SampleIdentities.validate;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageFieldValidationTest {

    private static final byte[] JPEG_START = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10};
    private static final byte[] JP2_CONTAINER_START = {0, 0, 0, 0x0C, 0x6A, 0x50, 0x20, 0x20, 0x0D, 0x0A};
    private static final byte[] JP2_CODESTREAM_START = {(byte) 0xFF, 0x4F, (byte) 0xFF, 0x51, 0, 0x2F};

    private static JsonObject withPhoto(String format, String data) {
        return minimalIdentity()
                .put("photo", new JsonObject().put("format", format).put("data", data));
    }

    private static List<Violation> validateWithPhotoLimit(JsonObject identity, int maxBytes) {
        JsonObject document = new JsonObject()
                .put("version", 1)
                .put("languages", new JsonArray().add("eng"))
                .put(
                        "fields",
                        new JsonObject()
                                .put("fullName", new JsonObject().put("type", "multilingualText"))
                                .put("dateOfBirth", new JsonObject().put("type", "date"))
                                .put("gender", new JsonObject().put("type", "text"))
                                .put(
                                        "photo",
                                        new JsonObject().put("type", "image").put("maxBytes", maxBytes)))
                .put(
                        "deduplication",
                        new JsonObject()
                                .put("name", "fullName")
                                .put("dateOfBirth", "dateOfBirth")
                                .put("gender", "gender"));
        return new SchemaValidator(IdSchema.fromJson(document), CLOCK).validate(identity, "/identity");
    }

    @Test
    void realPngIsAccepted() {
        assertThat(validate(withPhoto("png", base64(tinyPng())))).isEmpty();
    }

    @Test
    void jpegAndBothJpeg2000FormsAreRecognisedByTheirMagicNumbers() {
        assertThat(validate(withPhoto("jpeg", base64(JPEG_START)))).isEmpty();
        assertThat(validate(withPhoto("jp2", base64(JP2_CONTAINER_START)))).isEmpty();
        assertThat(validate(withPhoto("jp2", base64(JP2_CODESTREAM_START)))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"png, jpeg", "jpeg, png", "jp2, png", "png, jp2"})
    void dataOfAnotherFormatThanDeclaredIsAContentMismatch(String declared, String actual) {
        byte[] data =
                switch (actual) {
                    case "png" -> tinyPng();
                    case "jpeg" -> JPEG_START;
                    default -> JP2_CODESTREAM_START;
                };

        assertThat(validate(withPhoto(declared, base64(data))))
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("/identity/photo/data", ViolationCode.IMAGE_CONTENT_MISMATCH));
    }

    @Test
    void dataShorterThanTheMagicNumberIsAContentMismatch() {
        assertThat(validate(withPhoto("png", base64(new byte[] {(byte) 0x89, 0x50}))))
                .extracting(Violation::code)
                .containsExactly(ViolationCode.IMAGE_CONTENT_MISMATCH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gif", "PNG", "jpg", "bmp", ""})
    void formatsOutsideTheListAreNotAllowed(String format) {
        assertThat(validate(withPhoto(format, base64(tinyPng()))))
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("/identity/photo/format", ViolationCode.IMAGE_FORMAT_NOT_ALLOWED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"!!!!", "iVBO-w0K", "iVBO_w0K", "iVBORw0K\nGgo=", "iVBORw0KG", "iVB=Rw0K", " iVBORw0K"})
    void dataThatIsNotStandardBase64IsInvalid(String data) {
        assertThat(validate(withPhoto("png", data)))
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("/identity/photo/data", ViolationCode.IMAGE_DATA_INVALID));
    }

    @Test
    void emptyDataIsEmpty() {
        assertThat(validate(withPhoto("png", "")))
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("/identity/photo/data", ViolationCode.FIELD_EMPTY));
    }

    @Test
    void dataAtTheSizeLimitIsAccepted() {
        String data = base64(bytesStartingWith(tinyPng(), 100));

        assertThat(validateWithPhotoLimit(withPhoto("png", data), 100)).isEmpty();
    }

    @Test
    void dataOneByteOverTheLimitIsTooLargeOnceDecoded() {
        // 100 and 101 bytes both take 136 base64 characters: only decoding can tell them apart.
        String data = base64(bytesStartingWith(tinyPng(), 101));

        assertThat(validateWithPhotoLimit(withPhoto("png", data), 100))
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("/identity/photo/data", ViolationCode.IMAGE_TOO_LARGE));
    }

    @Test
    void dataFarOverTheLimitIsTooLargeEvenIfItIsNotBase64() {
        // Rejected on its length alone, before any decoding is attempted.
        String data = "!".repeat(10_000);

        assertThat(validateWithPhotoLimit(withPhoto("png", data), 100))
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("/identity/photo/data", ViolationCode.IMAGE_TOO_LARGE));
    }

    @Test
    void unknownAndMissingMembersAreEachReported() {
        JsonObject photo = new JsonObject().put("mimeType", "image/png").put("width", 2);

        assertThat(validate(minimalIdentity().put("photo", photo)))
                .extracting(Violation::path, Violation::code)
                .containsExactlyInAnyOrder(
                        tuple("/identity/photo", ViolationCode.FIELD_UNKNOWN),
                        tuple("/identity/photo/format", ViolationCode.FIELD_REQUIRED),
                        tuple("/identity/photo/data", ViolationCode.FIELD_REQUIRED));
    }

    @Test
    void unknownFormatAndInvalidDataAreBothReported() {
        assertThat(validate(withPhoto("gif", "%%%%")))
                .extracting(Violation::path, Violation::code)
                .containsExactly(
                        tuple("/identity/photo/format", ViolationCode.IMAGE_FORMAT_NOT_ALLOWED),
                        tuple("/identity/photo/data", ViolationCode.IMAGE_DATA_INVALID));
    }
}
