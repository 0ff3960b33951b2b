package org.civis.auth.answer;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEEncrypter;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.util.Objects;
import org.civis.auth.keys.PartnerKeys;

/**
 * Encrypts signed e-KYC data to the partner, so only the partner can read the personal data and it can still prove
 * we sent it: the JWS from {@link ResponseSigner} goes inside a JWE (nested JWT, {@code cty: JWT}), A256GCM with
 * ECDH-ES+A256KW for EC keys or RSA-OAEP-256 for RSA keys. The partner key's kid is in the header. Stateless and
 * thread-safe.
 */
public final class KycSealer {

    /**
     * @param partnerEncryptionKey a key returned by {@link PartnerKeys#parseEncryptionKey}
     * @param signedJws the compact JWS to wrap
     * @return the compact JWE
     */
    public String sealFor(JWK partnerEncryptionKey, String signedJws) {
        Objects.requireNonNull(partnerEncryptionKey, "partnerEncryptionKey");
        Objects.requireNonNull(signedJws, "signedJws");
        JWEAlgorithm algorithm;
        JWEEncrypter encrypter;
        try {
            if (partnerEncryptionKey instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
                algorithm = JWEAlgorithm.ECDH_ES_A256KW;
                encrypter = new ECDHEncrypter(ec.toPublicJWK());
            } else if (partnerEncryptionKey instanceof RSAKey rsa) {
                algorithm = JWEAlgorithm.RSA_OAEP_256;
                encrypter = new RSAEncrypter(rsa.toPublicJWK());
            } else {
                throw new IllegalArgumentException("partner encryption key must be EC P-256 or RSA");
            }
            JWEHeader header = new JWEHeader.Builder(algorithm, EncryptionMethod.A256GCM)
                    .contentType("JWT")
                    .keyID(partnerEncryptionKey.getKeyID())
                    .build();
            JWEObject jwe = new JWEObject(header, new Payload(signedJws));
            jwe.encrypt(encrypter);
            return jwe.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("e-KYC data could not be encrypted to the partner key", e);
        }
    }
}
