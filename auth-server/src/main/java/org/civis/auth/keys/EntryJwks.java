package org.civis.auth.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.io.IOException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * Turns the JDK key pairs kept in the PKCS12 file into Nimbus JWKs. Nimbus signs Ed25519 with raw 32-byte values,
 * which the JDK exposes only inside its DER encodings (RFC 8410), so BC's ASN.1 classes take those apart here.
 */
final class EntryJwks {

    private static final int ED25519_KEY_BYTES = 32;

    private EntryJwks() {}

    /** The Ed25519 signing JWK; checks that the private key really belongs to {@code publicKey}. */
    static OctetKeyPair ed25519(PrivateKey privateKey, PublicKey publicKey) {
        try {
            PrivateKeyInfo privateInfo = PrivateKeyInfo.getInstance(privateKey.getEncoded());
            SubjectPublicKeyInfo publicInfo = SubjectPublicKeyInfo.getInstance(publicKey.getEncoded());
            if (!EdECObjectIdentifiers.id_Ed25519.equals(
                            privateInfo.getPrivateKeyAlgorithm().getAlgorithm())
                    || !EdECObjectIdentifiers.id_Ed25519.equals(
                            publicInfo.getAlgorithm().getAlgorithm())) {
                throw new IllegalStateException("signing key is not an Ed25519 key");
            }
            // CurvePrivateKey ::= OCTET STRING, itself wrapped in the PKCS#8 privateKey OCTET STRING.
            byte[] d =
                    ASN1OctetString.getInstance(privateInfo.parsePrivateKey()).getOctets();
            byte[] x = publicInfo.getPublicKeyData().getOctets();
            try {
                if (d.length != ED25519_KEY_BYTES || x.length != ED25519_KEY_BYTES) {
                    throw new IllegalStateException("Ed25519 key does not have 32-byte values");
                }
                byte[] derived = new Ed25519PrivateKeyParameters(d, 0)
                        .generatePublicKey()
                        .getEncoded();
                if (!Arrays.equals(derived, x)) {
                    throw new IllegalStateException("Ed25519 private key does not match its certificate");
                }
                return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x))
                        .d(Base64URL.encode(d))
                        .keyUse(KeyUse.SIGNATURE)
                        .algorithm(JWSAlgorithm.EdDSA)
                        .keyIDFromThumbprint()
                        .build();
            } finally {
                Arrays.fill(d, (byte) 0);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("signing key encoding could not be read", e);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing key thumbprint could not be computed", e);
        }
    }

    /** The P-256 encryption JWK. */
    static ECKey p256(PrivateKey privateKey, PublicKey publicKey) {
        if (!(privateKey instanceof ECPrivateKey ecPrivate) || !(publicKey instanceof ECPublicKey ecPublic)) {
            throw new IllegalStateException("encryption key is not an EC key");
        }
        if (!Curve.P_256.equals(Curve.forECParameterSpec(ecPublic.getParams()))) {
            throw new IllegalStateException("encryption key is not on curve P-256");
        }
        try {
            return new ECKey.Builder(Curve.P_256, ecPublic)
                    .privateKey(ecPrivate)
                    .keyUse(KeyUse.ENCRYPTION)
                    .algorithm(JWEAlgorithm.ECDH_ES)
                    .keyIDFromThumbprint()
                    .build();
        } catch (JOSEException e) {
            throw new IllegalStateException("encryption key thumbprint could not be computed", e);
        }
    }
}
