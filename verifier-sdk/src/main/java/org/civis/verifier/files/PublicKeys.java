package org.civis.verifier.files;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Optional;
import org.civis.verifier.trust.KeyType;

/** Turns raw key material into JCA keys and tells which {@link KeyType} a JCA key is. */
final class PublicKeys {
    // SubjectPublicKeyInfo headers (RFC 8410) in front of the raw 32- or 57-byte EdDSA public key.
    private static final byte[] ED25519_SPKI = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    private static final byte[] ED448_SPKI = {0x30, 0x43, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x71, 0x03, 0x3a, 0x00};

    private PublicKeys() {}

    static PublicKey edDsa(String curve, byte[] x) throws GeneralSecurityException {
        byte[] header;
        if ("Ed25519".equals(curve) && x.length == 32) {
            header = ED25519_SPKI;
        } else if ("Ed448".equals(curve) && x.length == 57) {
            header = ED448_SPKI;
        } else {
            throw new GeneralSecurityException("not an Ed25519 or Ed448 public key");
        }
        byte[] spki = new byte[header.length + x.length];
        System.arraycopy(header, 0, spki, 0, header.length);
        System.arraycopy(x, 0, spki, header.length, x.length);
        return KeyFactory.getInstance(curve).generatePublic(new X509EncodedKeySpec(spki));
    }

    /** The key's type, or empty for keys the verifier does not use (P-521, RSA under 2048 bits, ...). */
    static Optional<KeyType> typeOf(PublicKey key) {
        if (key instanceof EdECPublicKey ed) {
            String curve = ed.getParams().getName();
            return "Ed25519".equalsIgnoreCase(curve)
                    ? Optional.of(KeyType.ED25519)
                    : "Ed448".equalsIgnoreCase(curve) ? Optional.of(KeyType.ED448) : Optional.empty();
        }
        if (key instanceof ECPublicKey ec) {
            int bits = ec.getParams().getOrder().bitLength();
            int fieldBits = ec.getParams().getCurve().getField().getFieldSize();
            if (bits == 256 && fieldBits == 256 && isNamed(ec, "secp256r1")) {
                return Optional.of(KeyType.EC_P256);
            }
            if (bits == 384 && fieldBits == 384 && isNamed(ec, "secp384r1")) {
                return Optional.of(KeyType.EC_P384);
            }
            return Optional.empty();
        }
        if (key instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength() >= 2048 ? Optional.of(KeyType.RSA) : Optional.empty();
        }
        // Bouncy Castle and Android providers have their own EdDSA classes; the algorithm name tells.
        if ("Ed25519".equalsIgnoreCase(key.getAlgorithm())) {
            return Optional.of(KeyType.ED25519);
        }
        if ("Ed448".equalsIgnoreCase(key.getAlgorithm())) {
            return Optional.of(KeyType.ED448);
        }
        return Optional.empty();
    }

    // P-256 and P-384 are the only NIST curves of their sizes, but secp256k1 is 256 bits too: compare
    // the curve's coefficient a with the NIST value (a = p - 3).
    private static boolean isNamed(ECPublicKey key, String name) {
        var curve = key.getParams().getCurve();
        var field = (java.security.spec.ECFieldFp) curve.getField();
        return curve.getA().equals(field.getP().subtract(java.math.BigInteger.valueOf(3)));
    }
}
