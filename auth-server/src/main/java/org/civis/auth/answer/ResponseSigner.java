package org.civis.auth.answer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import java.util.Objects;
import org.civis.auth.keys.AuthKeys;
import org.civis.auth.keys.BcEd25519;

/**
 * Signs the server's answers to partners so they can prove what we said: compact JWS, EdDSA (Ed25519), with the
 * signing key's kid so partners pick the right JWKS entry after a rotation. Thread-safe; build one and share it.
 */
public final class ResponseSigner {

    // Immutable, so one instance serves all threads.
    private final JWSSigner signer;
    private final JWSHeader header;

    public ResponseSigner(AuthKeys keys) {
        Objects.requireNonNull(keys, "keys");
        this.signer = BcEd25519.signer(keys.signingKey());
        this.header = new JWSHeader.Builder(JWSAlgorithm.EdDSA)
                .keyID(keys.signingKey().getKeyID())
                .type(JOSEObjectType.JOSE)
                .build();
    }

    /**
     * Signs {@code jsonPayload} as given (the caller serialises it; it is not parsed again here).
     *
     * @return the compact serialisation {@code header.payload.signature}
     */
    public String sign(String jsonPayload) {
        Objects.requireNonNull(jsonPayload, "jsonPayload");
        JWSObject jws = new JWSObject(header, new Payload(jsonPayload));
        try {
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("response could not be signed", e);
        }
        return jws.serialize();
    }
}
