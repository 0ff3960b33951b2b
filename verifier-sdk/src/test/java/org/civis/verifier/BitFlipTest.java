package org.civis.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.upokecenter.cbor.CBORObject;
import java.security.KeyPair;
import java.util.EnumMap;
import java.util.Map;
import org.civis.verifier.spec.CoseAlgorithm;
import org.civis.verifier.trust.KeyRing;
import org.civis.verifier.verdict.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every single-bit flip in the signed bytes of a small credential (protected header, payload,
 * signature), re-encoded as QR text, is refused: never VALID.
 */
class BitFlipTest {
    @ParameterizedTest
    @EnumSource(
            value = CoseAlgorithm.class,
            names = {"EDDSA", "ES256"})
    void noSingleBitFlipInTheSignedBytesVerifies(CoseAlgorithm algorithm) {
        KeyPair pair = TestIssuer.keyPair(algorithm);
        KeyRing ring = TestIssuer.ring(TestIssuer.jwk(algorithm, pair, "k"));
        Verifier verifier = Verifier.builder().keys(ring).build();
        CBORObject small = CBORObject.NewMap().Add(1, "1").Add(4, "A B");
        byte[] payload = TestIssuer.claims(RoundTripTest.IAT, RoundTripTest.EXP, null, small)
                .EncodeToBytes();
        CBORObject sign1 = TestIssuer.sign1(algorithm, pair, "k".getBytes(), payload);
        assertThat(verifier.verify(TestIssuer.qrText(sign1.EncodeToBytes()), RoundTripTest.AT)
                        .verdict())
                .isEqualTo(Verdict.VALID);

        Map<Verdict, Integer> seen = new EnumMap<>(Verdict.class);
        for (int element : new int[] {0, 2, 3}) {
            byte[] original = sign1.get(element).GetByteString();
            for (int bit = 0; bit < original.length * 8; bit++) {
                byte[] flipped = original.clone();
                flipped[bit / 8] ^= (byte) (1 << (bit % 8));
                CBORObject mutated = CBORObject.DecodeFromBytes(sign1.EncodeToBytes());
                mutated.set(element, CBORObject.FromObject(flipped));

                Verdict verdict = verifier.verify(TestIssuer.qrText(mutated.EncodeToBytes()), RoundTripTest.AT)
                        .verdict();

                assertThat(verdict)
                        .as("element %d bit %d", element, bit)
                        .isIn(Verdict.INVALID_SIGNATURE, Verdict.MALFORMED, Verdict.UNKNOWN_ISSUER);
                seen.merge(verdict, 1, Integer::sum);
            }
        }
        assertThat(seen.getOrDefault(Verdict.INVALID_SIGNATURE, 0)).isGreaterThan(0);
    }
}
