package org.civis.verifier.spec;

import java.util.Optional;

/**
 * The COSE algorithms Civis issues or accepts (IANA "COSE Algorithms"; RFC 9053, RFC 8230), with
 * the name the verifier reports. Anything else is refused by its number.
 */
public enum CoseAlgorithm {
    EDDSA(-8, "EdDSA"),
    ES256(-7, "ES256"),
    ES384(-35, "ES384"),
    PS256(-37, "PS256"),
    A128GCM(1, "A128GCM"),
    A256GCM(3, "A256GCM");

    private final int id;
    private final String joseName;

    CoseAlgorithm(int id, String joseName) {
        this.id = id;
        this.joseName = joseName;
    }

    /** The number in the COSE header. */
    public int id() {
        return id;
    }

    /** The name JOSE gives the same algorithm, which is what people read in reports. */
    public String joseName() {
        return joseName;
    }

    public static Optional<CoseAlgorithm> byId(long id) {
        for (CoseAlgorithm algorithm : values()) {
            if (algorithm.id == id) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }
}
