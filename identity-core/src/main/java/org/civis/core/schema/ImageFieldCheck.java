package org.civis.core.schema;

import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * A photo: {@code {"format": "jpeg"|"png"|"jp2", "data": "<base64>"}}. Only the envelope is checked
 * (format, size, magic number); judging the picture itself belongs to the biometric quality checks.
 */
final class ImageFieldCheck implements FieldCheck {

    private static final Set<String> MEMBERS = Set.of("format", "data");
    private static final String FORMAT_NAMES = Arrays.stream(ImageFormat.values())
            .map(ImageFormat::jsonName)
            .toList()
            .toString();

    @Override
    public void check(FieldSpec spec, Object value, String path, ViolationCollector violations) {
        if (!(value instanceof JsonObject image)) {
            violations.add(path, ViolationCode.FIELD_TYPE, "must be an object with members format and data");
            return;
        }
        ObjectMembers.reportUnknown(image, MEMBERS, path, violations);
        Optional<ImageFormat> format = checkFormat(image, path, violations);
        byte[] data = checkData(spec, image, path, violations);
        if (data != null && format.isPresent() && !format.get().matches(data)) {
            violations.add(
                    JsonPointer.child(path, "data"),
                    ViolationCode.IMAGE_CONTENT_MISMATCH,
                    "must hold an image in the declared format");
        }
    }

    private static Optional<ImageFormat> checkFormat(JsonObject image, String path, ViolationCollector violations) {
        String name = ObjectMembers.requiredString(image, "format", path, violations);
        if (name == null) {
            return Optional.empty();
        }
        Optional<ImageFormat> format = ImageFormat.fromJsonName(name);
        if (format.isEmpty()) {
            violations.add(
                    JsonPointer.child(path, "format"),
                    ViolationCode.IMAGE_FORMAT_NOT_ALLOWED,
                    "must be one of " + FORMAT_NAMES);
        }
        return format;
    }

    /** The decoded bytes, or null after reporting why they are unusable. */
    private static byte[] checkData(FieldSpec spec, JsonObject image, String path, ViolationCollector violations) {
        String encoded = ObjectMembers.requiredString(image, "data", path, violations);
        if (encoded == null) {
            return null;
        }
        String dataPath = JsonPointer.child(path, "data");
        if (encoded.isEmpty()) {
            violations.add(dataPath, ViolationCode.FIELD_EMPTY, "must not be empty");
            return null;
        }
        Base64Payload.Result payload = Base64Payload.decode(encoded, spec.maxBytes());
        switch (payload.status()) {
            case INVALID ->
                violations.add(
                        dataPath,
                        ViolationCode.IMAGE_DATA_INVALID,
                        "must be standard base64 (RFC 4648 section 4) without line breaks");
            case TOO_LARGE ->
                violations.add(
                        dataPath,
                        ViolationCode.IMAGE_TOO_LARGE,
                        "must be at most " + spec.maxBytes() + " bytes once decoded");
            case DECODED -> {
                return payload.bytes();
            }
        }
        return null;
    }
}
