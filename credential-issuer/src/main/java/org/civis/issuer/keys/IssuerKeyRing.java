package org.civis.issuer.keys;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.util.List;
import java.util.Optional;

/**
 * The issuer's keys at one moment: the current signing key and every older key, public half only.
 * Older keys stay because cards they signed are still in wallets; the trust list publishes them all.
 * Immutable: a rotation makes a new ring.
 */
public final class IssuerKeyRing {
    private final List<IssuerKey> keys;

    /** @param keys oldest first; the last one is the signing key and must hold its private half */
    IssuerKeyRing(List<IssuerKey> keys) {
        if (keys.isEmpty() || !keys.get(keys.size() - 1).canSign()) {
            throw new IllegalArgumentException("a key ring needs a current key that can sign");
        }
        this.keys = List.copyOf(keys);
    }

    /** The key that signs new credentials and status lists. */
    public IssuerKey current() {
        return keys.get(keys.size() - 1);
    }

    /** Every key, oldest first, the current one last. */
    public List<IssuerKey> keys() {
        return keys;
    }

    public Optional<IssuerKey> byKid(String kid) {
        return keys.stream().filter(key -> key.kid().equals(kid)).findFirst();
    }

    /** The trust list as a JWK set: the public half of every key, current and retired. */
    public JWKSet jwks() {
        return new JWKSet(
                keys.stream().map(IssuerKey::publicJwk).map(JWK.class::cast).toList());
    }

    /** {@code {"keys": [...]}}, ready to serve as {@code application/jwk-set+json}. */
    public String jwksJson() {
        return jwks().toString(true);
    }

    /** The trust list as certificates, one self-signed PEM certificate per key, oldest first. */
    public List<String> certificatePems() {
        return keys.stream().map(IssuerKey::certificatePem).toList();
    }

    @Override
    public String toString() {
        return "IssuerKeyRing" + keys;
    }
}
