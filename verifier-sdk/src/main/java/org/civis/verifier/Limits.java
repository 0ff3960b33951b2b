package org.civis.verifier;

/**
 * Bounds on untrusted input. The defaults fit any QR code (at most 4,296 alphanumeric characters)
 * with a wide margin, and stop decompression bombs and pathological CBOR long before memory or
 * stack are at risk.
 *
 * @param maxTextLength longest QR text accepted
 * @param maxInflatedBytes most bytes zlib may produce for a credential
 * @param maxStatusListBytes most bytes a status list's {@code lst} may inflate to
 * @param maxCborDepth deepest nesting of arrays, maps and tags
 * @param maxCborItems most data items in one CBOR document
 */
public record Limits(
        int maxTextLength, int maxInflatedBytes, int maxStatusListBytes, int maxCborDepth, int maxCborItems) {
    public static final Limits DEFAULT = new Limits(16_384, 256 * 1024, 16 * 1024 * 1024, 24, 20_000);

    public Limits {
        if (maxTextLength < 1
                || maxInflatedBytes < 1
                || maxStatusListBytes < 1
                || maxCborDepth < 4
                || maxCborItems < 16) {
            throw new IllegalArgumentException("limits too small to read any credential");
        }
    }
}
