package org.civis.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.upokecenter.cbor.CBORObject;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import org.apache.commons.codec.binary.Base45;
import org.apache.commons.codec.binary.Hex;
import org.civis.issuer.encoding.Zlib;
import org.civis.issuer.keys.SigningAlgorithm;
import org.civis.issuer.samples.CoseMessages;
import org.civis.issuer.status.StatusList;

/**
 * Reads QR credentials and Status List Tokens as an offline verifier would, from what the server
 * publishes: Base45, zlib, COSE_Sign1 checked with JCA against a key found by kid in a JWKS.
 */
public final class QrCredentials {
    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the raw key follows. */
    private static final byte[] ED25519_SPKI_PREFIX = hex("302a300506032b6570032100");

    private QrCredentials() {}

    /** The COSE_Sign1 array in a QR text, its signature checked against {@code jwks}. */
    public static CBORObject verifiedSign1(String qrText, JWKSet jwks) throws Exception {
        byte[] cwt = Zlib.decompress(new Base45().decode(qrText), 1 << 20);
        return verified(CoseMessages.sign1(cwt, true), jwks);
    }

    /** The claims of a verified credential. */
    public static CBORObject claims(String qrText, JWKSet jwks) throws Exception {
        return CoseMessages.payload(verifiedSign1(qrText, jwks));
    }

    public static String kid(CBORObject sign1) {
        return new String(CoseMessages.protectedHeader(sign1).get(4).GetByteString(), StandardCharsets.UTF_8);
    }

    /** Entry {@code index} of a Status List Token, after checking its signature and type. */
    public static int status(byte[] token, JWKSet jwks, int index) throws Exception {
        return statusList(token, jwks).get(index);
    }

    /** The whole list of a Status List Token, after checking its signature and type. */
    public static StatusList statusList(byte[] token, JWKSet jwks) throws Exception {
        CBORObject sign1 = verified(CoseMessages.sign1(token, false), jwks);
        assertThat(CoseMessages.protectedHeader(sign1).get(16).AsString()).isEqualTo("application/statuslist+cwt");
        CBORObject list = CoseMessages.payload(sign1).get(65533);
        assertThat(list.get("bits").AsInt32Value()).isEqualTo(2);
        return StatusList.of(Zlib.decompress(list.get("lst").GetByteString(), 1 << 20), 2);
    }

    /** The {@code sub} (URI) of a Status List Token. */
    public static String subject(byte[] token) {
        return CoseMessages.payload(CoseMessages.sign1(token, false)).get(2).AsString();
    }

    public static byte[] fromHex(String hex) {
        return hex(hex);
    }

    private static CBORObject verified(CBORObject sign1, JWKSet jwks) throws Exception {
        JWK jwk = jwks.getKeyByKeyId(kid(sign1));
        assertThat(jwk).as("kid %s is in the trust list", kid(sign1)).isNotNull();
        SigningAlgorithm algorithm =
                SigningAlgorithm.byJoseName(jwk.getAlgorithm().getName()).orElseThrow();
        assertThat(CoseMessages.protectedHeader(sign1).get(1).AsInt32Value())
                .isEqualTo(algorithm.cose().id());
        assertThat(CoseMessages.verifies(sign1, publicKey(jwk), algorithm))
                .as("signature")
                .isTrue();
        return sign1;
    }

    static PublicKey publicKey(JWK jwk) throws Exception {
        if (jwk instanceof ECKey ec) {
            return ec.toECPublicKey();
        }
        byte[] x = ((OctetKeyPair) jwk).getDecodedX();
        byte[] spki = new byte[ED25519_SPKI_PREFIX.length + x.length];
        System.arraycopy(ED25519_SPKI_PREFIX, 0, spki, 0, ED25519_SPKI_PREFIX.length);
        System.arraycopy(x, 0, spki, ED25519_SPKI_PREFIX.length, x.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    }

    private static byte[] hex(String hex) {
        try {
            return Hex.decodeHex(hex);
        } catch (org.apache.commons.codec.DecoderException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
