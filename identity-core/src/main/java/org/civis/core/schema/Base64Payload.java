package org.civis.core.schema;

import java.util.Base64;

/** Decodes the base64 payloads of images and fingerprints without letting an oversized one cost memory. */
final class Base64Payload {

    enum Status {
        DECODED,
        INVALID,
        TOO_LARGE
    }

    /** The outcome of a decode; {@code bytes} is set only when the status is {@link Status#DECODED}. */
    record Result(Status status, byte[] bytes) {}

    private Base64Payload() {}

    /** Standard alphabet only (no URL-safe characters, no line breaks); padding is optional. */
    static Result decode(String encoded, int maxBytes) {
        // Base64 needs at most 4 characters per 3 bytes, so anything longer than this cannot decode to
        // maxBytes or fewer: reject it before allocating the decoded buffer.
        long maxEncodedLength = 4L * ((maxBytes + 2L) / 3L);
        if (encoded.length() > maxEncodedLength) {
            return new Result(Status.TOO_LARGE, null);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException notBase64) {
            return new Result(Status.INVALID, null);
        }
        if (bytes.length > maxBytes) {
            return new Result(Status.TOO_LARGE, null);
        }
        return new Result(Status.DECODED, bytes);
    }
}
