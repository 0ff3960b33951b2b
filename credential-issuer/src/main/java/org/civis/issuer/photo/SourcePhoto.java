package org.civis.issuer.photo;

import io.vertx.core.json.JsonObject;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * The photo as enrolled: {@code {"format": "jpeg"|"png"|"jp2", "data": "<base64>"}} in the identity.
 * Holds personal data: never log it.
 */
public record SourcePhoto(String format, byte[] data) {

    public SourcePhoto {
        Objects.requireNonNull(format, "format");
        data = data.clone();
    }

    /** The photo of an identity document's image field, or empty when the field is absent or not an image. */
    public static Optional<SourcePhoto> fromJson(Object field) {
        if (!(field instanceof JsonObject image)
                || !(image.getValue("format") instanceof String format)
                || !(image.getValue("data") instanceof String data)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SourcePhoto(format, Base64.getDecoder().decode(data)));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public String toString() {
        return "SourcePhoto[" + format + ", " + data.length + " bytes]";
    }
}
