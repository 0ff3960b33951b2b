package org.civis.core.schema;

import java.util.List;
import java.util.Optional;

/**
 * The photo encodings accepted, with the leading bytes ("magic numbers") every file of that encoding
 * starts with, so that a declared format can be checked against the data without decoding the image.
 */
enum ImageFormat {
    JPEG("jpeg", List.of(bytes(0xFF, 0xD8, 0xFF))),
    PNG("png", List.of(bytes(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A))),
    // A JPEG 2000 file is either a JP2 container or a bare codestream.
    JP2("jp2", List.of(bytes(0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20), bytes(0xFF, 0x4F, 0xFF, 0x51)));

    private final String jsonName;
    private final List<byte[]> signatures;

    ImageFormat(String jsonName, List<byte[]> signatures) {
        this.jsonName = jsonName;
        this.signatures = signatures;
    }

    String jsonName() {
        return jsonName;
    }

    static Optional<ImageFormat> fromJsonName(String jsonName) {
        for (ImageFormat format : values()) {
            if (format.jsonName.equals(jsonName)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    boolean matches(byte[] data) {
        return signatures.stream().anyMatch(signature -> startsWith(data, signature));
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] bytes(int... values) {
        byte[] result = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (byte) values[i];
        }
        return result;
    }
}
