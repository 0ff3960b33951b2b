package org.civis.verifier;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.upokecenter.cbor.CBORObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import org.apache.commons.codec.binary.Base45;
import org.civis.verifier.files.KeyFiles;
import org.civis.verifier.internal.cose.ToBeSigned;
import org.civis.verifier.spec.CoseAlgorithm;
import org.civis.verifier.spec.CoseHeader;
import org.civis.verifier.trust.KeyRing;
import org.civis.verifier.trust.TrustedKey;

/**
 * A test issuer: real JCA keys, credentials built with the CBOR library and signed as an issuer
 * would, independent of the verifier's own code paths except the Sig_structure encoding.
 */
public final class TestIssuer {
    private static final Map<CoseAlgorithm, KeyPair> KEYS = new java.util.EnumMap<>(CoseAlgorithm.class);

    private TestIssuer() {}

    public static synchronized KeyPair keyPair(CoseAlgorithm algorithm) {
        return KEYS.computeIfAbsent(algorithm, TestIssuer::generate);
    }

    public static KeyPair generate(CoseAlgorithm algorithm) {
        try {
            switch (algorithm) {
                case EDDSA:
                    return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                case ES256:
                case ES384:
                    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
                    ec.initialize(new ECGenParameterSpec(algorithm == CoseAlgorithm.ES256 ? "secp256r1" : "secp384r1"));
                    return ec.generateKeyPair();
                case PS256:
                    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
                    rsa.initialize(2048);
                    return rsa.generateKeyPair();
                default:
                    throw new IllegalArgumentException(algorithm.toString());
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public half as a JWK, with kid when given. */
    public static JWK jwk(CoseAlgorithm algorithm, KeyPair pair, String kid) {
        switch (algorithm) {
            case EDDSA:
                byte[] spki = pair.getPublic().getEncoded();
                byte[] x = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
                return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x))
                        .keyID(kid)
                        .build();
            case ES256:
            case ES384:
                return new ECKey.Builder(algorithm == CoseAlgorithm.ES256 ? Curve.P_256 : Curve.P_384, (ECPublicKey)
                                pair.getPublic())
                        .keyID(kid)
                        .build();
            case PS256:
                return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                        .keyID(kid)
                        .build();
            default:
                throw new IllegalArgumentException(algorithm.toString());
        }
    }

    public static String jwks(JWK... keys) {
        StringBuilder json = new StringBuilder("{\"keys\":[");
        for (int i = 0; i < keys.length; i++) {
            json.append(i == 0 ? "" : ",").append(keys[i].toJSONString());
        }
        return json.append("]}").toString();
    }

    /** A key ring trusting these JWKs, loaded the way the CLI loads a JWKS file. */
    public static KeyRing ring(JWK... keys) {
        try {
            List<TrustedKey> trusted = KeyFiles.signingKeys(jwks(keys).getBytes(StandardCharsets.UTF_8), "test")
                    .orElseThrow()
                    .keys();
            return new KeyRing(trusted, List.of());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Claim 169 CWT: iss, iat, exp (and nbf when given) plus the identity map. */
    public static CBORObject claims(long iat, long exp, Long nbf, CBORObject identity) {
        CBORObject claims = CBORObject.NewMap()
                .Add(1, "https://issuer.civis.example")
                .Add(6, iat)
                .Add(4, exp);
        if (nbf != null) {
            claims.Add(5, nbf);
        }
        if (identity != null) {
            claims.Add(169, identity);
        }
        return claims;
    }

    public static CBORObject identity() {
        return CBORObject.NewMap()
                .Add(1, "3918592438")
                .Add(4, "Amara Okafor")
                .Add(8, "19900115")
                .Add(9, 2)
                .Add(16, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0})
                .Add(17, 1);
    }

    /** A COSE_Sign1 as CBOR (untagged array), signed with the given key. */
    public static CBORObject sign1(CoseAlgorithm algorithm, KeyPair pair, byte[] kid, byte[] payload) {
        CBORObject protectedMap = CBORObject.NewMap().Add(CoseHeader.ALG, algorithm.id());
        if (kid != null) {
            protectedMap.Add(CoseHeader.KID, kid);
        }
        byte[] protectedBytes = protectedMap.EncodeToBytes();
        byte[] signature = sign(algorithm, pair, ToBeSigned.sign1(protectedBytes, new byte[0], payload));
        return CBORObject.NewArray()
                .Add(protectedBytes)
                .Add(CBORObject.NewMap())
                .Add(payload)
                .Add(signature);
    }

    public static byte[] sign(CoseAlgorithm algorithm, KeyPair pair, byte[] toBeSigned) {
        try {
            Signature signer;
            switch (algorithm) {
                case EDDSA -> signer = Signature.getInstance("Ed25519");
                case ES256 -> signer = Signature.getInstance("SHA256withECDSAinP1363Format");
                case ES384 -> signer = Signature.getInstance("SHA384withECDSAinP1363Format");
                case PS256 -> {
                    signer = Signature.getInstance("RSASSA-PSS");
                    signer.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                }
                default -> throw new IllegalArgumentException(algorithm.toString());
            }
            signer.initSign(pair.getPrivate());
            signer.update(toBeSigned);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Tag the message: 18 alone, or 61 around 18. */
    public static CBORObject tagged(CBORObject sign1, boolean cwtTag) {
        CBORObject message = CBORObject.FromObjectAndTag(sign1, 18);
        return cwtTag ? CBORObject.FromObjectAndTag(message, 61) : message;
    }

    public static byte[] zlib(byte[] data) {
        Deflater deflater = new Deflater(9);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    public static String base45(byte[] data) {
        return new Base45().encodeToString(data);
    }

    /** COSE bytes to QR text: zlib, Base45. */
    public static String qrText(byte[] cose) {
        return base45(zlib(cose));
    }

    /** MOSIP's variant: the hex text of the CWT is what gets compressed. */
    public static String qrTextOfHex(byte[] cose) {
        return base45(zlib(HexFormat.of().formatHex(cose).getBytes(StandardCharsets.US_ASCII)));
    }

    /** A signed Claim 169 credential, valid from 2025-01-01 to 2035-01-01, as QR text. */
    public static String credential(CoseAlgorithm algorithm, String kid) {
        byte[] payload =
                claims(1_735_689_600L, 2_051_222_400L, null, identity()).EncodeToBytes();
        CBORObject sign1 = sign1(algorithm, keyPair(algorithm), kid.getBytes(StandardCharsets.UTF_8), payload);
        return qrText(tagged(sign1, false).EncodeToBytes());
    }

    /** Base45 then zlib inflate, for tests that mutate the COSE bytes of a credential. */
    public static byte[] zlibInflateForTests(String text) {
        try {
            java.util.zip.Inflater inflater = new java.util.zip.Inflater();
            inflater.setInput(new Base45().decode(text));
            byte[] out = new byte[65536];
            int n = inflater.inflate(out);
            inflater.end();
            return Arrays.copyOf(out, n);
        } catch (java.util.zip.DataFormatException e) {
            throw new IllegalStateException(e);
        }
    }
}
