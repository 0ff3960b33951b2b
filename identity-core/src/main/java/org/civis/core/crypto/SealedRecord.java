package org.civis.core.crypto;

import java.util.Arrays;
import java.util.Objects;

/**
 * What storage persists for one encrypted value: the id of the master key that wrapped the data key, the wrapped
 * data key, the GCM nonce and the ciphertext with its tag. Arrays are copied in and out so a record cannot be
 * altered after construction.
 */
public record SealedRecord(String keyId, byte[] wrappedKey, byte[] nonce, byte[] ciphertext) {

    public SealedRecord {
        Objects.requireNonNull(keyId, "keyId");
        if (keyId.isBlank()) {
            throw new IllegalArgumentException("keyId must not be blank");
        }
        wrappedKey = copyOfNonEmpty(wrappedKey, "wrappedKey");
        nonce = copyOfNonEmpty(nonce, "nonce");
        ciphertext = copyOfNonEmpty(ciphertext, "ciphertext");
    }

    @Override
    public byte[] wrappedKey() {
        return wrappedKey.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    // Records compare arrays by reference; storage round trips need comparison by content.
    @Override
    public boolean equals(Object other) {
        return other instanceof SealedRecord that
                && keyId.equals(that.keyId)
                && Arrays.equals(wrappedKey, that.wrappedKey)
                && Arrays.equals(nonce, that.nonce)
                && Arrays.equals(ciphertext, that.ciphertext);
    }

    @Override
    public int hashCode() {
        int hash = keyId.hashCode();
        hash = 31 * hash + Arrays.hashCode(wrappedKey);
        hash = 31 * hash + Arrays.hashCode(nonce);
        return 31 * hash + Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return "SealedRecord[keyId=" + keyId + ", wrappedKey=" + wrappedKey.length + " bytes, nonce=" + nonce.length
                + " bytes, ciphertext=" + ciphertext.length + " bytes]";
    }

    private static byte[] copyOfNonEmpty(byte[] bytes, String name) {
        Objects.requireNonNull(bytes, name);
        if (bytes.length == 0) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return bytes.clone();
    }
}
