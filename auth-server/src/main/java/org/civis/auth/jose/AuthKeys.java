package org.civis.auth.jose;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.util.Objects;
import javax.crypto.SecretKey;

/**
 * The auth server's own keys, kept apart from the registry's so that a partner-facing server never needs the
 * registry master key: signing responses (Ed25519), receiving encrypted factors (P-256 ECDH-ES), pseudonymous
 * tokens and OTP digests (HMAC-SHA256) and the cache seal (AES-256-GCM).
 */
public record AuthKeys(
        OctetKeyPair signingKey, ECKey encryptionKey, SecretKey tokenKey, SecretKey otpKey, SecretKey cacheKey) {

    public AuthKeys {
        Objects.requireNonNull(signingKey, "signingKey");
        Objects.requireNonNull(encryptionKey, "encryptionKey");
        Objects.requireNonNull(tokenKey, "tokenKey");
        Objects.requireNonNull(otpKey, "otpKey");
        Objects.requireNonNull(cacheKey, "cacheKey");
        if (!Curve.Ed25519.equals(signingKey.getCurve()) || !signingKey.isPrivate()) {
            throw new IllegalArgumentException("signing key must be a private Ed25519 key");
        }
        if (!Curve.P_256.equals(encryptionKey.getCurve()) || !encryptionKey.isPrivate()) {
            throw new IllegalArgumentException("encryption key must be a private P-256 key");
        }
        if (signingKey.getKeyID() == null || encryptionKey.getKeyID() == null) {
            throw new IllegalArgumentException("signing and encryption keys need a key id");
        }
        if (!KeyUse.SIGNATURE.equals(signingKey.getKeyUse()) || !KeyUse.ENCRYPTION.equals(encryptionKey.getKeyUse())) {
            throw new IllegalArgumentException("signing key must have use=sig and encryption key use=enc");
        }
    }

    // The generated toString would print the JWKs' JSON, private parts included; show key ids and algorithms only.
    @Override
    public String toString() {
        return "AuthKeys[signingKey=" + signingKey.getKeyID() + ", encryptionKey=" + encryptionKey.getKeyID()
                + ", tokenKey=" + tokenKey.getAlgorithm() + ", otpKey=" + otpKey.getAlgorithm() + ", cacheKey="
                + cacheKey.getAlgorithm() + "]";
    }
}
