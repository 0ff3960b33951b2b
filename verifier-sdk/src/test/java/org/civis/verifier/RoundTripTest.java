package org.civis.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import com.upokecenter.cbor.CBORObject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.civis.verifier.spec.Claim169Field;
import org.civis.verifier.spec.CoseAlgorithm;
import org.civis.verifier.status.CredentialStatus;
import org.civis.verifier.trust.KeyRing;
import org.civis.verifier.verdict.ErrorCode;
import org.civis.verifier.verdict.Stage;
import org.civis.verifier.verdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class RoundTripTest {
    static final Instant AT = Instant.parse("2026-06-01T00:00:00Z");
    static final long IAT = 1_735_689_600L; // 2025-01-01
    static final long EXP = 2_051_222_400L; // 2035-01-01

    static Stream<Arguments> variants() {
        Stream.Builder<Arguments> variants = Stream.builder();
        for (CoseAlgorithm algorithm :
                new CoseAlgorithm[] {CoseAlgorithm.EDDSA, CoseAlgorithm.ES256, CoseAlgorithm.ES384, CoseAlgorithm.PS256
                }) {
            for (boolean cwtTag : new boolean[] {false, true}) {
                for (boolean prefix : new boolean[] {false, true}) {
                    for (boolean hexText : new boolean[] {false, true}) {
                        for (boolean wrappedClaim : new boolean[] {false, true}) {
                            variants.add(Arguments.of(algorithm, cwtTag, prefix, hexText, wrappedClaim));
                        }
                    }
                }
            }
        }
        return variants.build();
    }

    @ParameterizedTest(name = "{0} tag61={1} prefix={2} hex={3} claim169AsBytes={4}")
    @MethodSource("variants")
    void signedCredentialVerifiesWithItsClaims(
            CoseAlgorithm algorithm, boolean cwtTag, boolean prefix, boolean hexText, boolean wrappedClaim) {
        KeyPair pair = TestIssuer.keyPair(algorithm);
        CBORObject identity = TestIssuer.identity();
        CBORObject claim = wrappedClaim ? CBORObject.FromObject(identity.EncodeToBytes()) : identity;
        byte[] payload = TestIssuer.claims(IAT, EXP, null, claim).EncodeToBytes();
        byte[] cose = TestIssuer.tagged(TestIssuer.sign1(algorithm, pair, bytes("issuer-1"), payload), cwtTag)
                .EncodeToBytes();
        String text = (prefix ? "HC1:" : "") + (hexText ? TestIssuer.qrTextOfHex(cose) : TestIssuer.qrText(cose));

        VerificationResult result = verifier(TestIssuer.ring(TestIssuer.jwk(algorithm, pair, "issuer-1")))
                .verify(text, AT);

        assertThat(result.verdict()).isEqualTo(Verdict.VALID);
        assertThat(result.error()).isEmpty();
        assertThat(result.algorithm()).contains(algorithm);
        assertThat(result.kid().orElseThrow().bytes()).isEqualTo(bytes("issuer-1"));
        assertThat(result.cwt().orElseThrow().issuer()).contains("https://issuer.civis.example");
        var claims = result.claims().orElseThrow();
        assertThat(claims.id()).contains("3918592438");
        assertThat(claims.fullName()).contains("Amara Okafor");
        assertThat(claims.dateOfBirth()).contains(LocalDate.of(1990, 1, 15));
        assertThat(claims.gender()).contains(2L);
        assertThat(claims.photo().orElseThrow()).containsExactly(0xff, 0xd8, 0xff, 0xe0);
        assertThat(claims.code(Claim169Field.PHOTO_FORMAT)).contains(1L);
        assertThat(result.status()).isEqualTo(CredentialStatus.NOT_REFERENCED);
    }

    @Test
    void expiryAndNotBeforeAreJudgedAtTheGivenInstant() {
        KeyPair pair = TestIssuer.keyPair(CoseAlgorithm.EDDSA);
        long nbf = 1_767_225_600L; // 2026-01-01
        byte[] payload = TestIssuer.claims(IAT, EXP, nbf, TestIssuer.identity()).EncodeToBytes();
        String text = TestIssuer.qrText(
                TestIssuer.sign1(CoseAlgorithm.EDDSA, pair, bytes("k"), payload).EncodeToBytes());
        Verifier verifier = verifier(TestIssuer.ring(TestIssuer.jwk(CoseAlgorithm.EDDSA, pair, "k")));

        assertThat(verifier.verify(text, Instant.ofEpochSecond(EXP)).verdict()).isEqualTo(Verdict.EXPIRED);
        assertThat(verifier.verify(text, Instant.ofEpochSecond(EXP - 1)).verdict())
                .isEqualTo(Verdict.VALID);
        assertThat(verifier.verify(text, Instant.ofEpochSecond(nbf - 1)).verdict())
                .isEqualTo(Verdict.NOT_YET_VALID);
        assertThat(verifier.verify(text, Instant.ofEpochSecond(nbf)).verdict()).isEqualTo(Verdict.VALID);
        VerificationResult expired = verifier.verify(text, Instant.parse("2040-01-01T00:00:00Z"));
        assertThat(expired.error().orElseThrow().code()).isEqualTo(ErrorCode.EXPIRED);
        assertThat(expired.error().orElseThrow().stage()).isEqualTo(Stage.CWT);
        assertThat(expired.claims()).isPresent();
    }

    @Test
    void aCredentialIssuedAfterTheJudgedInstantIsNotYetValid() {
        String text = TestIssuer.credential(CoseAlgorithm.EDDSA, "k");
        Verifier verifier = verifier(
                TestIssuer.ring(TestIssuer.jwk(CoseAlgorithm.EDDSA, TestIssuer.keyPair(CoseAlgorithm.EDDSA), "k")));

        VerificationResult result = verifier.verify(text, Instant.ofEpochSecond(IAT - 1));

        assertThat(result.verdict()).isEqualTo(Verdict.NOT_YET_VALID);
        assertThat(result.error().orElseThrow().code()).isEqualTo(ErrorCode.ISSUED_IN_FUTURE);
    }

    @Test
    void aKidNoTrustedKeyHasIsUnknownIssuer() {
        String text = TestIssuer.credential(CoseAlgorithm.EDDSA, "other-issuer");
        Verifier verifier = verifier(
                TestIssuer.ring(TestIssuer.jwk(CoseAlgorithm.EDDSA, TestIssuer.keyPair(CoseAlgorithm.EDDSA), "k")));

        VerificationResult result = verifier.verify(text, AT);

        assertThat(result.verdict()).isEqualTo(Verdict.UNKNOWN_ISSUER);
        assertThat(result.error().orElseThrow().code()).isEqualTo(ErrorCode.KEY_UNKNOWN);
        assertThat(result.claims()).isEmpty();
        assertThat(result.cwt()).isEmpty();
    }

    @Test
    void aKidLessKeyIsTriedForAnyKid() {
        String text = TestIssuer.credential(CoseAlgorithm.ES256, "whatever");
        Verifier verifier = verifier(
                TestIssuer.ring(TestIssuer.jwk(CoseAlgorithm.ES256, TestIssuer.keyPair(CoseAlgorithm.ES256), null)));

        assertThat(verifier.verify(text, AT).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void theRightKidWithTheWrongKeyIsAnInvalidSignature() {
        String text = TestIssuer.credential(CoseAlgorithm.ES256, "k");
        JWK impostor = TestIssuer.jwk(CoseAlgorithm.ES256, TestIssuer.generate(CoseAlgorithm.ES256), "k");

        VerificationResult result = verifier(TestIssuer.ring(impostor)).verify(text, AT);

        assertThat(result.verdict()).isEqualTo(Verdict.INVALID_SIGNATURE);
        assertThat(result.error().orElseThrow().code()).isEqualTo(ErrorCode.SIGNATURE_INVALID);
        assertThat(result.claims()).isEmpty();
    }

    @Test
    void aKeyIsNeverUsedWithAnotherAlgorithmThanItsOwn() {
        String text = TestIssuer.credential(CoseAlgorithm.ES384, "k");
        JWK p256 = TestIssuer.jwk(CoseAlgorithm.ES256, TestIssuer.keyPair(CoseAlgorithm.ES256), "k");

        VerificationResult result = verifier(TestIssuer.ring(p256)).verify(text, AT);

        assertThat(result.verdict()).isEqualTo(Verdict.INVALID_SIGNATURE);
        assertThat(result.error().orElseThrow().code()).isEqualTo(ErrorCode.KEY_ALG_MISMATCH);
    }

    @ParameterizedTest
    @EnumSource(
            value = CoseAlgorithm.class,
            names = {"EDDSA", "ES256"})
    void anEmptySignatureIsNeverValidAndShownOnlyWhenAllowed(CoseAlgorithm algorithm) {
        byte[] payload =
                TestIssuer.claims(IAT, EXP, null, TestIssuer.identity()).EncodeToBytes();
        CBORObject sign1 = TestIssuer.sign1(algorithm, TestIssuer.keyPair(algorithm), bytes("k"), payload);
        sign1.set(3, CBORObject.FromObject(new byte[0]));
        String text = TestIssuer.qrText(sign1.EncodeToBytes());
        KeyRing ring = TestIssuer.ring(TestIssuer.jwk(algorithm, TestIssuer.keyPair(algorithm), "k"));

        VerificationResult strict = verifier(ring).verify(text, AT);
        VerificationResult lenient =
                Verifier.builder().keys(ring).allowUnsigned(true).build().verify(text, AT);

        assertThat(strict.verdict()).isEqualTo(Verdict.INVALID_SIGNATURE);
        assertThat(strict.error().orElseThrow().code()).isEqualTo(ErrorCode.SIGNATURE_MISSING);
        assertThat(strict.claims()).isEmpty();
        assertThat(lenient.verdict()).isEqualTo(Verdict.UNSIGNED);
        assertThat(lenient.claims().orElseThrow().fullName()).contains("Amara Okafor");
    }

    @Test
    void aCwtWithoutClaim169IsRefusedByTheClaim169ProfileOnly() {
        KeyPair pair = TestIssuer.keyPair(CoseAlgorithm.EDDSA);
        byte[] payload = TestIssuer.claims(IAT, EXP, null, null).EncodeToBytes();
        String text = TestIssuer.qrText(
                TestIssuer.sign1(CoseAlgorithm.EDDSA, pair, bytes("k"), payload).EncodeToBytes());
        KeyRing ring = TestIssuer.ring(TestIssuer.jwk(CoseAlgorithm.EDDSA, pair, "k"));

        VerificationResult claim169 = verifier(ring).verify(text, AT);
        VerificationResult generic =
                Verifier.builder().keys(ring).profile(Profile.CWT).build().verify(text, AT);

        assertThat(claim169.verdict()).isEqualTo(Verdict.MALFORMED);
        assertThat(claim169.error().orElseThrow().code()).isEqualTo(ErrorCode.CLAIM169_MISSING);
        assertThat(claim169.error().orElseThrow().stage()).isEqualTo(Stage.CLAIMS);
        assertThat(generic.verdict()).isEqualTo(Verdict.VALID);
    }

    static Verifier verifier(KeyRing ring) {
        return Verifier.builder().keys(ring).build();
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
