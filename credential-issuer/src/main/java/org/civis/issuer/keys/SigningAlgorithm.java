package org.civis.issuer.keys;

import java.util.Locale;
import java.util.Optional;
import org.civis.verifier.spec.CoseAlgorithm;

/**
 * The algorithms issuer keys sign with. Both give 64-byte signatures (ES256 as raw r||s, as COSE
 * wants it, not DER), so a credential's size does not depend on the choice.
 */
public enum SigningAlgorithm {
    /** Ed25519: the default; deterministic signatures, small and fast. */
    EDDSA(CoseAlgorithm.EDDSA, "Ed25519"),
    /** ECDSA on P-256 with SHA-256, for verifiers whose platform lacks Ed25519. */
    ES256(CoseAlgorithm.ES256, "SHA256withECDSA");

    /** Every signature is this long for both algorithms. */
    public static final int SIGNATURE_BYTES = 64;

    private final CoseAlgorithm cose;
    private final String certificateAlgorithm;

    SigningAlgorithm(CoseAlgorithm cose, String certificateAlgorithm) {
        this.cose = cose;
        this.certificateAlgorithm = certificateAlgorithm;
    }

    /** The COSE algorithm, whose number goes in the protected header. */
    public CoseAlgorithm cose() {
        return cose;
    }

    /** The JOSE name: {@code EdDSA} or {@code ES256}. */
    public String joseName() {
        return cose.joseName();
    }

    /** The JCA signature algorithm the key's self-signed certificate is signed with. */
    String certificateAlgorithm() {
        return certificateAlgorithm;
    }

    /** By JOSE name, ignoring case ({@code EdDSA}, {@code es256}). */
    public static Optional<SigningAlgorithm> byJoseName(String name) {
        for (SigningAlgorithm algorithm : values()) {
            if (algorithm.joseName().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }
}
