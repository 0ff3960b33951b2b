package org.civis.auth.keys;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.civis.core.crypto.HmacPerThread;

/**
 * The auth server's own keys, kept apart from the registry's so that a partner-facing server never needs the
 * registry master key: signing responses (Ed25519), receiving encrypted factors (P-256 ECDH-ES), pseudonymous
 * tokens and OTP digests (HMAC-SHA256) and the cache seal (AES-256-GCM).
 *
 * <p>Two secrets for the cluster are derived from the OTP key rather than stored: every node with
 * this keystore derives the same ones, so nodes of a cluster need no extra file and an existing
 * keystore needs no upgrade. The derivation's input starts with a NUL byte, which no OTP digest's
 * input can (its subject is never empty and holds no NUL), so the derived values are independent
 * of the OTP digests.
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

    /** The key that authenticates the values nodes keep in Hazelcast; it never enters Hazelcast itself. */
    public SecretKey clusterEntryKey() {
        return new SecretKeySpec(derive("civis cluster entries v1"), "HmacSHA256");
    }

    /**
     * A secret a member must know to join this cluster: Hazelcast compares cluster names at join,
     * so the name a member uses is the configured one with this appended (see HazelcastMember).
     */
    public String clusterJoinSecret(String clusterName) {
        return HexFormat.of().formatHex(derive("civis cluster join v1\0" + clusterName), 0, 16);
    }

    private byte[] derive(String label) {
        javax.crypto.Mac mac = new HmacPerThread(otpKey).mac();
        mac.update((byte) 0);
        return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
    }

    // The generated toString would print the JWKs' JSON, private parts included; show key ids and algorithms only.
    @Override
    public String toString() {
        return "AuthKeys[signingKey=" + signingKey.getKeyID() + ", encryptionKey=" + encryptionKey.getKeyID()
                + ", tokenKey=" + tokenKey.getAlgorithm() + ", otpKey=" + otpKey.getAlgorithm() + ", cacheKey="
                + cacheKey.getAlgorithm() + "]";
    }
}
