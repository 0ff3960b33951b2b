package org.civis.verifier.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.civis.verifier.VerificationResult;
import org.civis.verifier.Verifier;
import org.civis.verifier.files.KeyFiles;
import org.civis.verifier.trust.DecryptionKey;
import org.civis.verifier.trust.KeyRing;
import org.civis.verifier.verdict.ErrorCode;
import org.civis.verifier.verdict.Stage;
import org.civis.verifier.verdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** MOSIP Claim 169 vectors from jeremi/claim-169 (see vectors/claim-169/README.md). */
class Claim169VectorsTest {
    // Inside every vector's validity: iat 2023-11-14 (1700000000) to exp 2027-01-15 (1800000000).
    static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void ed25519SignedVectorIsValidWithItsClaims() throws Exception {
        Map<String, Object> vector = Vectors.json("claim-169/valid/ed25519-signed.json");
        KeyRing ring = ring(okp(hex(signingKey(vector, "public_key_hex"))));

        VerificationResult result = Verifier.builder().keys(ring).build().verify(qr(vector), AT);

        assertThat(result.verdict()).isEqualTo(Verdict.VALID);
        assertExpectedClaims(vector, result);
        assertThat(result.cwt().orElseThrow().issuer()).contains("https://mosip.example.org");
        assertThat(result.cwt().orElseThrow().expiresAt()).contains(Instant.ofEpochSecond(1_800_000_000L));
    }

    @Test
    void ecdsaP256SignedVectorIsValidWithItsClaims() throws Exception {
        Map<String, Object> vector = Vectors.json("claim-169/valid/ecdsa-p256-signed.json");
        byte[] point = hex(signingKey(vector, "public_key_hex"));
        JWK key = new ECKey.Builder(
                        Curve.P_256,
                        Base64URL.encode(Arrays.copyOfRange(point, 1, 33)),
                        Base64URL.encode(Arrays.copyOfRange(point, 33, 65)))
                .build();

        VerificationResult result = Verifier.builder().keys(ring(key)).build().verify(qr(vector), AT);

        assertThat(result.verdict()).isEqualTo(Verdict.VALID);
        assertExpectedClaims(vector, result);
    }

    @Test
    void ed25519VectorUnderAnotherKeyIsAnInvalidSignature() throws Exception {
        Map<String, Object> vector = Vectors.json("claim-169/valid/ed25519-signed.json");
        byte[] other = hex(signingKey(Vectors.json("claim-169/valid/encrypted-signed.json"), "public_key_hex"));

        VerificationResult result =
                Verifier.builder().keys(ring(okp(other))).build().verify(qr(vector), AT);

        assertThat(result.verdict()).isEqualTo(Verdict.INVALID_SIGNATURE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "valid/minimal.json",
                "valid/demographics-full.json",
                "valid/with-face.json",
                "valid/with-fingerprints.json",
                "valid/with-all-biometrics.json",
                "edge/unknown-fields.json"
            })
    void unsignedVectorsAreRefusedUnlessUnsignedIsAllowed(String file) {
        Map<String, Object> vector = Vectors.json("claim-169/" + file);

        VerificationResult strict = Verifier.builder().build().verify(qr(vector), AT);
        VerificationResult lenient =
                Verifier.builder().allowUnsigned(true).build().verify(qr(vector), AT);

        assertThat(strict.verdict()).isEqualTo(Verdict.INVALID_SIGNATURE);
        assertThat(strict.error().orElseThrow().code()).isEqualTo(ErrorCode.SIGNATURE_MISSING);
        assertThat(lenient.verdict()).isEqualTo(Verdict.UNSIGNED);
        assertExpectedClaims(vector, lenient);
    }

    @Test
    void expiredAndNotYetValidEdgeVectorsAreJudgedAtTheInstant() {
        Verifier verifier = Verifier.builder().allowUnsigned(true).build();

        VerificationResult expired = verifier.verify(qr(Vectors.json("claim-169/edge/expired.json")), AT);
        VerificationResult future = verifier.verify(qr(Vectors.json("claim-169/edge/not-yet-valid.json")), AT);

        assertThat(expired.verdict()).isEqualTo(Verdict.EXPIRED);
        assertThat(future.verdict()).isEqualTo(Verdict.NOT_YET_VALID);
        assertThat(future.error().orElseThrow().code()).isEqualTo(ErrorCode.NOT_YET_VALID);
    }

    @Test
    void encryptedVectorsOpenWithTheirKeys() throws Exception {
        Map<String, Object> plain = Vectors.json("claim-169/valid/encrypted-aes256.json");
        Map<String, Object> signed = Vectors.json("claim-169/valid/encrypted-signed.json");
        KeyRing ring = new KeyRing(
                ring(okp(hex(signingKey(signed, "public_key_hex")))).signingKeys(), List.of(aes(plain), aes(signed)));
        Verifier verifier = Verifier.builder().keys(ring).build();

        VerificationResult encryptedOnly = verifier.verify(qr(plain), AT);
        VerificationResult encryptedAndSigned = verifier.verify(qr(signed), AT);
        VerificationResult withoutKey = Verifier.builder().build().verify(qr(signed), AT);

        assertThat(encryptedOnly.verdict()).isEqualTo(Verdict.INVALID_SIGNATURE);
        assertThat(encryptedOnly.error().orElseThrow().code()).isEqualTo(ErrorCode.SIGNATURE_MISSING);
        assertThat(Verifier.builder()
                        .keys(ring)
                        .allowUnsigned(true)
                        .build()
                        .verify(qr(plain), AT)
                        .claims())
                .hasValueSatisfying(c -> assertThat(c.fullName()).contains("Encrypted Test Person"));
        assertThat(encryptedAndSigned.verdict()).isEqualTo(Verdict.VALID);
        assertExpectedClaims(signed, encryptedAndSigned);
        assertThat(withoutKey.verdict()).isEqualTo(Verdict.MALFORMED);
        assertThat(withoutKey.error().orElseThrow().code()).isEqualTo(ErrorCode.DECRYPTION_KEY_UNKNOWN);
    }

    @Test
    void mosipSpecExamplesCarryEmptySignaturesAndReadWhenUnsignedIsAllowed() {
        // The spec's example (YYYYMMDD birth date) and the refugee card (YYYY-MM-DD) end in an empty
        // signature: never valid, readable only with allowUnsigned. Judged inside their nbf..exp.
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        for (String file : List.of("valid/claim169-example.json", "valid/refugee-identity.json")) {
            Map<String, Object> vector = Vectors.json("claim-169/" + file);

            VerificationResult strict = Verifier.builder().build().verify(qr(vector), at);
            VerificationResult lenient =
                    Verifier.builder().allowUnsigned(true).build().verify(qr(vector), at);

            assertThat(strict.verdict()).as(file).isEqualTo(Verdict.INVALID_SIGNATURE);
            assertThat(strict.error().orElseThrow().code()).isEqualTo(ErrorCode.SIGNATURE_MISSING);
            assertThat(lenient.verdict()).as(file).isEqualTo(Verdict.UNSIGNED);
            assertThat(lenient.cwt().orElseThrow().issuer()).contains("www.mosip.io");
            assertExpectedClaims(vector, lenient);
        }
    }

    @Test
    void withFaceVectorHoldsTheJpegHeaderItsQrEncodes() {
        // The vector's expected_claim169 says face data "//3+4AAQ" (ff fd fe e0 00 10), but its QR
        // text encodes ff d8 ff e0 00 10 (a JPEG start); an independent decode agrees. We check the
        // bytes the QR carries and report the discrepancy in the vectors' README.
        VerificationResult result = Verifier.builder()
                .allowUnsigned(true)
                .build()
                .verify(qr(Vectors.json("claim-169/valid/with-face.json")), AT);

        var face = result.claims().orElseThrow().face();
        assertThat(face).hasSize(1);
        assertThat(face.get(0).data()).isEqualTo(hex("ffd8ffe00010"));
        assertThat(face.get(0).format()).contains(0L);
        assertThat(face.get(0).subFormat()).contains(1L);
    }

    @Test
    void invalidVectorsAreRefusedAtTheirStage() {
        Verifier verifier = Verifier.builder().allowUnsigned(true).build();

        assertStage(verifier, "invalid/bad-base45.json", ErrorCode.BASE45_INVALID, Stage.BASE45);
        assertStage(verifier, "invalid/bad-zlib.json", ErrorCode.ZLIB_INVALID, Stage.ZLIB);
        assertStage(verifier, "invalid/not-cose.json", ErrorCode.COSE_STRUCTURE, Stage.COSE);
        assertStage(verifier, "invalid/missing-169.json", ErrorCode.CLAIM169_MISSING, Stage.CLAIMS);
    }

    private static void assertStage(Verifier verifier, String file, ErrorCode code, Stage stage) {
        VerificationResult result = verifier.verify(qr(Vectors.json("claim-169/" + file)), AT);
        assertThat(result.verdict()).as(file).isEqualTo(Verdict.MALFORMED);
        assertThat(result.error().orElseThrow().code()).as(file).isEqualTo(code);
        assertThat(result.error().orElseThrow().stage()).as(file).isEqualTo(stage);
    }

    /** Every field the vector expects is in our report, with the same value (dates normalised to ISO). */
    private static void assertExpectedClaims(Map<String, Object> vector, VerificationResult result) {
        Map<String, Object> expected = Vectors.object(vector, "expected_claim169");
        Map<String, Object> actual = result.claims().orElseThrow().toJson();
        for (var entry : expected.entrySet()) {
            Object want = entry.getValue();
            Object got = actual.get(entry.getKey());
            if ("dateOfBirth".equals(entry.getKey())) {
                String raw = (String) want;
                want = raw.length() == 8
                        ? raw.substring(0, 4) + "-" + raw.substring(4, 6) + "-" + raw.substring(6)
                        : raw;
            }
            if (want instanceof Number n) {
                assertThat(((Number) got).longValue()).as(entry.getKey()).isEqualTo(n.longValue());
            } else if (want instanceof List<?> entries) {
                assertThat(got).as(entry.getKey()).isInstanceOf(List.class);
                List<?> gotEntries = (List<?>) got;
                assertThat(gotEntries).hasSameSizeAs(entries);
                for (int i = 0; i < entries.size(); i++) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> w = (Map<String, Object>) entries.get(i);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> g = (Map<String, Object>) gotEntries.get(i);
                    for (var field : w.entrySet()) {
                        if (KNOWN_WRONG.contains(entry.getKey() + "." + field.getKey() + "=" + field.getValue())) {
                            continue;
                        }
                        Object value = field.getValue();
                        Object gotValue = g.get(field.getKey());
                        if (value instanceof Number n) {
                            assertThat(((Number) gotValue).longValue()).isEqualTo(n.longValue());
                        } else {
                            assertThat(gotValue)
                                    .as(entry.getKey() + "." + field.getKey())
                                    .isEqualTo(value);
                        }
                    }
                }
            } else {
                assertThat(got).as(entry.getKey()).isEqualTo(want);
            }
        }
    }

    /** Expected values that contradict the vector's own QR data (see withFaceVectorHoldsTheJpegHeaderItsQrEncodes). */
    private static final java.util.Set<String> KNOWN_WRONG = java.util.Set.of("face.data=//3+4AAQ");

    static String qr(Map<String, Object> vector) {
        return (String) vector.get("qr_data");
    }

    static String signingKey(Map<String, Object> vector, String member) {
        return (String) Vectors.object(vector, "signing_key").get(member);
    }

    static DecryptionKey aes(Map<String, Object> vector) {
        String hex = (String) Vectors.object(vector, "encryption_key").get("symmetric_key_hex");
        return new DecryptionKey(java.util.Optional.empty(), hex(hex), "vector");
    }

    static JWK okp(byte[] x) {
        return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x)).build();
    }

    static KeyRing ring(JWK key) throws Exception {
        String jwks = "{\"keys\":[" + key.toJSONString() + "]}";
        return new KeyRing(
                KeyFiles.signingKeys(jwks.getBytes(StandardCharsets.UTF_8), "vector")
                        .orElseThrow()
                        .keys(),
                List.of());
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
