package org.civis.verifier.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civis.verifier.Limits;
import org.civis.verifier.Profile;
import org.civis.verifier.VerificationResult;
import org.civis.verifier.Verifier;
import org.civis.verifier.files.KeyFiles;
import org.civis.verifier.internal.Bounds;
import org.civis.verifier.internal.Step;
import org.civis.verifier.internal.cose.CoseMessage;
import org.civis.verifier.internal.cose.CoseParser;
import org.civis.verifier.internal.cose.Decryption;
import org.civis.verifier.internal.cose.SignatureCheck;
import org.civis.verifier.internal.cose.Signatures;
import org.civis.verifier.spec.CoseAlgorithm;
import org.civis.verifier.trust.DecryptionKey;
import org.civis.verifier.trust.KeyRing;
import org.civis.verifier.verdict.ErrorCode;
import org.civis.verifier.verdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 9052/9053 and RFC 8392 examples from the COSE WG Examples repository (see its README). */
class CoseWgExamplesTest {
    /** The default limits, as the pipeline stages take them. */
    static final Bounds BOUNDS = new Bounds(
            Limits.DEFAULT.maxTextLength(),
            Limits.DEFAULT.maxInflatedBytes(),
            Limits.DEFAULT.maxStatusListBytes(),
            Limits.DEFAULT.maxCborDepth(),
            Limits.DEFAULT.maxCborItems());

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "sign-pass-01.json, ",
        "sign-pass-02.json, 11aa22bb33cc44dd55006699",
        "sign-pass-03.json, ",
        "ecdsa-sig-01.json, ",
        "ecdsa-sig-02.json, ",
        "eddsa-sig-02.json, "
    })
    void passingSign1ExamplesVerifyUnderTheirKey(String file, String externalAadHex) throws Exception {
        Map<String, Object> vector = Vectors.json("cose-wg-examples/" + file);
        byte[] aad = externalAadHex == null ? new byte[0] : HexFormat.of().parseHex(externalAadHex);

        Step<SignatureCheck.Outcome> outcome = check(vector, ring(vector), aad);

        assertThat(outcome.value()).isInstanceOf(SignatureCheck.Signed.class);
    }

    @Test
    void externalAadIsPartOfTheSignature() throws Exception {
        Map<String, Object> vector = Vectors.json("cose-wg-examples/sign-pass-02.json");

        assertThat(refusal(check(vector, ring(vector), new byte[0]))).isEqualTo(ErrorCode.SIGNATURE_INVALID);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "sign-fail-01.json, COSE_STRUCTURE",
        "sign-fail-02.json, SIGNATURE_INVALID",
        "sign-fail-03.json, COSE_ALG_UNSUPPORTED",
        "sign-fail-04.json, COSE_ALG_UNSUPPORTED",
        "sign-fail-06.json, SIGNATURE_INVALID",
        "sign-fail-07.json, SIGNATURE_INVALID"
    })
    void failingSign1ExamplesAreRefusedForTheirReason(String file, ErrorCode expected) throws Exception {
        Map<String, Object> vector = Vectors.json("cose-wg-examples/" + file);
        KeyRing ring = ring(vector);

        ErrorCode code = refusal(check(vector, ring, new byte[0]));

        assertThat(code).isEqualTo(expected);
    }

    @Test
    void rfc8392SignedCwtIsValidThroughTheWholeVerifier() throws Exception {
        Map<String, Object> vector = Vectors.json("cose-wg-examples/cwt-A_3.json");
        Map<String, Object> key = Vectors.object(Vectors.object(Vectors.object(vector, "input"), "sign0"), "key");
        String jwk = new ECKey.Builder(Curve.P_256, b64(hex(key, "x_hex")), b64(hex(key, "y_hex")))
                .build()
                .toJSONString();
        KeyRing ring = new KeyRing(
                KeyFiles.signingKeys(("{\"keys\":[" + jwk + "]}").getBytes(StandardCharsets.UTF_8), "A.3")
                        .orElseThrow()
                        .keys(),
                List.of());
        Verifier verifier = Verifier.builder().keys(ring).profile(Profile.CWT).build();
        byte[] cose = HexFormat.of()
                .parseHex((String) Vectors.object(vector, "output").get("cbor"));

        // iat and nbf 2015-10-04T07:22:24Z (tag 1 NumericDates), exp 2015-10-05T07:22:24Z.
        VerificationResult inside = verifier.verifyCose(cose, Instant.parse("2015-10-04T12:00:00Z"));
        VerificationResult after = verifier.verifyCose(cose, Instant.parse("2015-10-06T00:00:00Z"));

        assertThat(inside.verdict()).isEqualTo(Verdict.VALID);
        assertThat(inside.cwt().orElseThrow().issuer()).contains("coap://as.example.com");
        assertThat(inside.cwt().orElseThrow().subject()).contains("erikw");
        assertThat(inside.cwt().orElseThrow().expiresAt()).contains(Instant.ofEpochSecond(1_444_064_944L));
        assertThat(after.verdict()).isEqualTo(Verdict.EXPIRED);
    }

    @Test
    void aesGcmExampleUsesAPreRfcAadContextAndIsRefused() throws Exception {
        // aes-gcm-enc-01's intermediate AAD is ["Encrypt1", h'A10101', h''] (a draft-era context
        // string); RFC 9052 section 5.3 says "Encrypt0". Decrypting with the example's key under the
        // RFC's Enc_structure must therefore fail, and does. (Checked by hand: with "Encrypt1" the
        // same key, IV and ciphertext give "This is the content.")
        byte[] secret = Base64URL.from("hJtXIZ2uSN5kbQfbtTNWbg").decode();
        KeyRing ring = new KeyRing(List.of(), List.of(new DecryptionKey(Optional.empty(), secret, "example")));
        CoseMessage message =
                parse(Vectors.json("cose-wg-examples/aes-gcm-enc-01.json")).value();

        assertThat(message).isInstanceOf(CoseMessage.Encrypt0.class);
        assertThat(refusal(Decryption.decrypt((CoseMessage.Encrypt0) message, ring)))
                .isEqualTo(ErrorCode.DECRYPTION_FAILED);
    }

    @Test
    void rsaPssExampleUsesA64ByteSaltAndIsNotPs256() throws Exception {
        // rsa-pss-01 predates RFC 8230, which fixes the PSS salt at the hash length (32 bytes for
        // PS256); the example's signature only verifies with a 64-byte salt. A PS256 verifier must
        // refuse it. The EU DCC vector CO1 is the positive PS256 interop check. Its message is a
        // COSE_Sign (tag 98), which this verifier refuses at the structure stage.
        Map<String, Object> vector = Vectors.json("cose-wg-examples/rsa-pss-01.json");
        Map<String, Object> key = Vectors.object(vector, "key");
        var publicKey = KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(
                        new BigInteger(1, hex(key, "n_hex")), new BigInteger(1, hex(key, "e_hex"))));
        @SuppressWarnings("unchecked")
        Map<String, Object> signer = ((List<Map<String, Object>>)
                        Vectors.object(vector, "intermediates").get("signers"))
                .get(0);
        byte[] toBeSigned = HexFormat.of().parseHex((String) signer.get("ToBeSign_hex"));
        byte[] signature = HexFormat.of().parseHex((String) vector.get("signature_hex"));

        assertThat(Signatures.verify(CoseAlgorithm.PS256, publicKey, toBeSigned, signature, Optional.empty()))
                .isFalse();
        assertThat(refusal(parse(vector))).isEqualTo(ErrorCode.COSE_STRUCTURE);
    }

    /** The code of a refusal; a value where a refusal was expected fails the test. */
    static ErrorCode refusal(Step<?> step) {
        if (!step.isRefused()) {
            throw new AssertionError("expected a refusal, got " + step.value());
        }
        return step.error().code();
    }

    static Step<CoseMessage> parse(Map<String, Object> vector) {
        byte[] cbor = HexFormat.of()
                .parseHex((String) Vectors.object(vector, "output").get("cbor"));
        return CoseParser.decode(cbor, BOUNDS);
    }

    /** The example parsed as a COSE_Sign1, then its signature checked (either may refuse). */
    static Step<SignatureCheck.Outcome> check(Map<String, Object> vector, KeyRing ring, byte[] externalAad) {
        Step<CoseMessage> message = parse(vector);
        if (message.isRefused()) {
            return message.refusal();
        }
        return SignatureCheck.check((CoseMessage.Sign1) message.value(), ring, externalAad, Optional.empty());
    }

    /** The example's key as a JWK (its d and hex members dropped: public half only). */
    static KeyRing ring(Map<String, Object> vector) throws Exception {
        Map<String, Object> key = Vectors.object(Vectors.object(Vectors.object(vector, "input"), "sign0"), "key");
        Map<String, Object> jwk = new java.util.LinkedHashMap<>();
        jwk.put("kty", key.get("kty"));
        jwk.put("crv", key.get("crv"));
        if (key.containsKey("x_hex")) {
            jwk.put("x", b64(hex(key, "x_hex")).toString());
        } else {
            jwk.put("x", key.get("x"));
            jwk.put("y", key.get("y"));
        }
        // The examples' kid strings are the UTF-8 of the message kids, except eddsa-sig-02, whose
        // message says "3d448" while its key says "ed448": that key is trusted without a kid.
        if (!"ed448".equals(key.get("kid"))) {
            jwk.put("kid", key.get("kid"));
        }
        String jwks = "{\"keys\":[" + com.nimbusds.jose.util.JSONObjectUtils.toJSONString(jwk) + "]}";
        return new KeyRing(
                KeyFiles.signingKeys(jwks.getBytes(StandardCharsets.UTF_8), "example")
                        .orElseThrow()
                        .keys(),
                List.of());
    }

    static byte[] hex(Map<String, Object> key, String member) {
        return HexFormat.of().parseHex((String) key.get(member));
    }

    static Base64URL b64(byte[] bytes) {
        return Base64URL.encode(bytes);
    }
}
