package org.civis.verifier.trust;

import java.security.PublicKey;
import java.util.Objects;
import java.util.Optional;
import org.civis.verifier.spec.CoseAlgorithm;

/**
 * One trusted issuer key.
 *
 * @param kid matches only messages with this kid; empty: tried for any message
 * @param key the public key, usable by JCA
 * @param type fixes which algorithm the key verifies
 * @param declaredAlgorithm a JWK's {@code alg}, when it names one: the key then verifies only that
 * @param source where the key came from, for messages (file and position, never key material)
 */
public record TrustedKey(
        Optional<Kid> kid, PublicKey key, KeyType type, Optional<CoseAlgorithm> declaredAlgorithm, String source) {
    public TrustedKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(declaredAlgorithm, "declaredAlgorithm");
        Objects.requireNonNull(source, "source");
    }

    public boolean verifies(CoseAlgorithm algorithm) {
        return type.verifies(algorithm)
                && declaredAlgorithm.map(algorithm::equals).orElse(true);
    }
}
