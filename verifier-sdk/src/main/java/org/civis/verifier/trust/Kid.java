package org.civis.verifier.trust;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/** A key identifier compared as bytes, as COSE does (header 4 is a byte string). */
public final class Kid {
    private final byte[] bytes;

    private Kid(byte[] bytes) {
        if (bytes.length == 0) {
            throw new IllegalArgumentException("empty kid");
        }
        this.bytes = bytes.clone();
    }

    public static Kid of(byte[] bytes) {
        return new Kid(bytes);
    }

    /** A JWK's kid: the UTF-8 bytes of its string. */
    public static Kid ofText(String kid) {
        return new Kid(kid.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Kid kid && Arrays.equals(bytes, kid.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Kid[" + hex() + "]";
    }
}
