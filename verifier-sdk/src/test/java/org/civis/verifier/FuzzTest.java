package org.civis.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.upokecenter.cbor.CBORObject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;
import org.civis.verifier.spec.CoseAlgorithm;
import org.civis.verifier.verdict.ErrorCode;
import org.civis.verifier.verdict.Stage;
import org.civis.verifier.verdict.Verdict;
import org.junit.jupiter.api.Test;

/**
 * A seeded mutator over the decoder. Whatever the input, the verifier answers with a verdict (never
 * VALID for a mutated credential unless the mutation left the signed bytes intact), never throws,
 * never hangs (the timeout guards against hangs only), and never inflates past its limit.
 */
class FuzzTest {
    static final long SEED = 20_260_601L;
    static final Duration HANG_GUARD = Duration.ofSeconds(10);

    final Verifier verifier = Verifier.builder()
            .keys(TestIssuer.ring(TestIssuer.jwk(CoseAlgorithm.EDDSA, TestIssuer.keyPair(CoseAlgorithm.EDDSA), "k")))
            .build();

    @Test
    void mutatedCredentialsGetAVerdictAndNoException() {
        Random random = new Random(SEED);
        String credential = TestIssuer.credential(CoseAlgorithm.EDDSA, "k");
        byte[] cose = CBORObject.FromObjectAndTag(
                        CBORObject.DecodeFromBytes(TestIssuer.zlibInflateForTests(credential)), 0)
                .Untag()
                .EncodeToBytes();
        Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
        for (int i = 0; i < 600; i++) {
            byte[] mutated = mutate(cose, random);
            boolean asText = random.nextBoolean();
            VerificationResult result = assertTimeoutPreemptively(
                    HANG_GUARD,
                    () -> asText
                            ? verifier.verify(TestIssuer.qrText(mutated), RoundTripTest.AT)
                            : verifier.verifyCose(mutated, RoundTripTest.AT));
            verdicts.merge(result.verdict(), 1, Integer::sum);
            if (result.verdict() == Verdict.VALID) {
                assertThat(sameSignedContent(mutated, cose))
                        .as("mutation %d accepted", i)
                        .isTrue();
            }
        }
        assertThat(verdicts.keySet()).contains(Verdict.MALFORMED, Verdict.INVALID_SIGNATURE);
    }

    @Test
    void randomTextAndRandomCborNeverEscapeAsExceptions() {
        Random random = new Random(SEED + 1);
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
        for (int i = 0; i < 400; i++) {
            StringBuilder text = new StringBuilder(random.nextBoolean() ? "HC1:" : "");
            int length = random.nextInt(120);
            for (int c = 0; c < length; c++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            byte[] cbor = new byte[random.nextInt(64)];
            random.nextBytes(cbor);
            VerificationResult fromText =
                    assertTimeoutPreemptively(HANG_GUARD, () -> verifier.verify(text.toString(), RoundTripTest.AT));
            VerificationResult fromCbor = assertTimeoutPreemptively(
                    HANG_GUARD, () -> verifier.verify(TestIssuer.qrText(cbor), RoundTripTest.AT));
            assertThat(fromText.verdict()).isEqualTo(Verdict.MALFORMED);
            assertThat(fromCbor.verdict()).isNotEqualTo(Verdict.VALID);
        }
    }

    @Test
    void deepNestingAndHugeDeclaredLengthsAreMalformed() {
        byte[] deep = new byte[5000];
        java.util.Arrays.fill(deep, (byte) 0x81); // [[[[...
        byte[] hugeByteString = {
            (byte) 0x5b,
            0x7f,
            (byte) 0xff,
            (byte) 0xff,
            (byte) 0xff,
            (byte) 0xff,
            (byte) 0xff,
            (byte) 0xff,
            (byte) 0xff,
            0x00
        };
        byte[] hugeArray = {(byte) 0x9b, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x00};
        byte[] nestedTags = new byte[3000];
        java.util.Arrays.fill(nestedTags, (byte) 0xd8);
        for (int i = 1; i < nestedTags.length; i += 2) {
            nestedTags[i] = 0x3d;
        }

        for (byte[] input : new byte[][] {deep, hugeByteString, hugeArray, nestedTags}) {
            VerificationResult result = assertTimeoutPreemptively(
                    HANG_GUARD, () -> verifier.verify(TestIssuer.qrText(input), RoundTripTest.AT));
            assertThat(result.verdict()).isEqualTo(Verdict.MALFORMED);
            assertThat(result.error().orElseThrow().stage()).isEqualTo(Stage.COSE);
        }
    }

    @Test
    void aZlibBombStopsAtTheOutputLimit() {
        byte[] zeros = new byte[8 * 1024 * 1024];
        Deflater deflater = new Deflater(9);
        deflater.setInput(zeros);
        deflater.finish();
        byte[] buffer = new byte[1 << 20];
        int length = deflater.deflate(buffer);
        deflater.end();
        byte[] bomb = java.util.Arrays.copyOf(buffer, length);
        String text = TestIssuer.base45(bomb);

        VerificationResult result =
                assertTimeoutPreemptively(HANG_GUARD, () -> verifier.verify(text, RoundTripTest.AT));

        assertThat(bomb.length).isLessThan(100_000);
        assertThat(result.error().orElseThrow().code()).isEqualTo(ErrorCode.ZLIB_TOO_LARGE);
    }

    /** Bit flips, byte insertions and deletions, truncation, or a random splice. */
    static byte[] mutate(byte[] input, Random random) {
        byte[] out = input.clone();
        int kind = random.nextInt(5);
        int at = random.nextInt(out.length);
        switch (kind) {
            case 0 -> out[at] ^= (byte) (1 << random.nextInt(8));
            case 1 -> {
                byte[] longer = new byte[out.length + 1];
                System.arraycopy(out, 0, longer, 0, at);
                longer[at] = (byte) random.nextInt(256);
                System.arraycopy(out, at, longer, at + 1, out.length - at);
                out = longer;
            }
            case 2 -> {
                byte[] shorter = new byte[out.length - 1];
                System.arraycopy(out, 0, shorter, 0, at);
                System.arraycopy(out, at + 1, shorter, at, out.length - at - 1);
                out = shorter;
            }
            case 3 -> out = java.util.Arrays.copyOf(out, at);
            default -> {
                for (int i = 0; i < 1 + random.nextInt(8); i++) {
                    out[random.nextInt(out.length)] = (byte) random.nextInt(256);
                }
            }
        }
        return out;
    }

    /** A mutation may only be accepted if it did not change what was signed (e.g. it hit the unprotected map's encoding). */
    static boolean sameSignedContent(byte[] mutated, byte[] original) {
        try {
            CBORObject a = CBORObject.DecodeFromBytes(mutated).Untag();
            CBORObject b = CBORObject.DecodeFromBytes(original).Untag();
            return java.util.Arrays.equals(a.get(0).GetByteString(), b.get(0).GetByteString())
                    && java.util.Arrays.equals(
                            a.get(2).GetByteString(), b.get(2).GetByteString())
                    && java.util.Arrays.equals(
                            a.get(3).GetByteString(), b.get(3).GetByteString());
        } catch (RuntimeException e) {
            return false;
        }
    }
}
