package org.civis.issuer.keys;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Signs bytes as COSE wants them. Ed25519 runs on Bouncy Castle, as the server's JOSE signing does;
 * ES256 on the JDK, in the IEEE P1363 form (r||s, 32 bytes each) that COSE uses instead of DER.
 */
@FunctionalInterface
interface RawSigner {
    byte[] sign(byte[] message);

    static RawSigner of(SigningAlgorithm algorithm, PrivateKey privateKey, PublicKey publicKey) {
        return switch (algorithm) {
            case EDDSA -> ed25519(privateKey, publicKey);
            case ES256 -> es256(privateKey);
        };
    }

    private static RawSigner ed25519(PrivateKey privateKey, PublicKey publicKey) {
        byte[] d;
        try {
            // PKCS#8 wraps the 32-byte seed in an OCTET STRING of its own (RFC 8410 CurvePrivateKey).
            d = ASN1OctetString.getInstance(
                            PrivateKeyInfo.getInstance(privateKey.getEncoded()).parsePrivateKey())
                    .getOctets();
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new IllegalStateException("the issuer's Ed25519 private key cannot be read", e);
        }
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(d, 0);
        Arrays.fill(d, (byte) 0);
        if (!Arrays.equals(key.generatePublicKey().getEncoded(), IssuerKey.ed25519PublicBytes(publicKey))) {
            throw new IllegalStateException("the issuer's Ed25519 private key does not match its certificate");
        }
        return message -> {
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(true, key);
            signer.update(message, 0, message.length);
            return signer.generateSignature();
        };
    }

    private static RawSigner es256(PrivateKey privateKey) {
        return message -> {
            try {
                Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
                signature.initSign(privateKey);
                signature.update(message);
                return signature.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("ES256 signing failed", e);
            }
        };
    }
}
