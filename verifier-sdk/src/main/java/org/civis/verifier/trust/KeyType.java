package org.civis.verifier.trust;

import org.civis.verifier.spec.CoseAlgorithm;

/** The public key types the verifier accepts, each with the one COSE algorithm it may verify. */
public enum KeyType {
    ED25519(CoseAlgorithm.EDDSA),
    ED448(CoseAlgorithm.EDDSA),
    EC_P256(CoseAlgorithm.ES256),
    EC_P384(CoseAlgorithm.ES384),
    /** RSA of 2048 bits or more. */
    RSA(CoseAlgorithm.PS256);

    private final CoseAlgorithm algorithm;

    KeyType(CoseAlgorithm algorithm) {
        this.algorithm = algorithm;
    }

    public boolean verifies(CoseAlgorithm candidate) {
        return algorithm == candidate;
    }
}
