package org.civis.verifier.trust;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/** A symmetric key for COSE_Encrypt0 (AES-GCM), with the same kid rule as {@link TrustedKey}. */
public record DecryptionKey(Optional<Kid> kid, byte[] secret, String source) {
    public DecryptionKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(source, "source");
        if (secret.length != 16 && secret.length != 32) {
            throw new IllegalArgumentException("AES-GCM keys are 128 or 256 bits, not " + secret.length * 8);
        }
        secret = secret.clone();
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DecryptionKey key
                && kid.equals(key.kid)
                && Arrays.equals(secret, key.secret)
                && source.equals(key.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kid, Arrays.hashCode(secret), source);
    }

    @Override
    public String toString() {
        return "DecryptionKey[kid=" + kid + ", bits=" + secret.length * 8 + ", source=" + source + "]";
    }
}
