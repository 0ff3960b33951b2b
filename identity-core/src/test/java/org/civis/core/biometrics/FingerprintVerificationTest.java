package org.civis.core.biometrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.civis.core.biometrics.FingerprintExtractor.Extraction;
import org.civis.core.biometrics.synthetic.SyntheticFinger;
import org.civis.core.biometrics.synthetic.SyntheticFingerprints;
import org.civis.core.schema.FingerPosition;
import org.civis.core.schema.FingerprintFormat;
import org.civis.core.schema.IdSchema;
import org.civis.core.schema.ViolationCode;
import org.civis.core.storage.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** 1:1 comparison for authentication: genuine impressions pass, impostors do not, per fusion rule. */
class FingerprintVerificationTest {
    private static final int GENUINE_TRIALS = 30;

    private final SyntheticFingerprints synthetic = new SyntheticFingerprints(19);
    private final FingerprintExtractor extractor = new FingerprintExtractor(12);
    private Biometrics biometrics = biometrics(FusionRule.ANY);

    @AfterEach
    void close() {
        biometrics.close();
    }

    @Test
    void genuineImpressionsAuthenticateAndImpostorsDoNot() {
        int genuineAccepted = 0;
        int impostorsAccepted = 0;
        for (int i = 0; i < GENUINE_TRIALS; i++) {
            SyntheticFinger finger = synthetic.newFinger();
            List<EnrolledFingerprint> enrolled = List.of(enrolled(finger, FingerPosition.RIGHT_THUMB));
            if (matched(verify(List.of(presented(finger, FingerPosition.RIGHT_THUMB)), enrolled))) {
                genuineAccepted++;
            }
            if (matched(verify(List.of(presented(synthetic.newFinger(), FingerPosition.RIGHT_THUMB)), enrolled))) {
                impostorsAccepted++;
            }
        }

        assertThat(genuineAccepted).isEqualTo(GENUINE_TRIALS);
        assertThat(impostorsAccepted).isZero();
    }

    @Test
    void fusionRulesDecideOnTheFingersPresented() {
        SyntheticFinger thumb = synthetic.newFinger();
        SyntheticFinger index = synthetic.newFinger();
        List<EnrolledFingerprint> enrolled =
                List.of(enrolled(thumb, FingerPosition.LEFT_THUMB), enrolled(index, FingerPosition.LEFT_INDEX));
        List<CapturedFingerprint> oneRightOneWrong = List.of(
                presented(thumb, FingerPosition.LEFT_THUMB),
                presented(synthetic.newFinger(), FingerPosition.LEFT_INDEX));
        List<CapturedFingerprint> bothRight =
                List.of(presented(thumb, FingerPosition.LEFT_THUMB), presented(index, FingerPosition.LEFT_INDEX));

        FingerprintVerification.Compared any = (FingerprintVerification.Compared) verify(oneRightOneWrong, enrolled);
        assertThat(any.matched()).isTrue();
        assertThat(any.scores()[0]).isGreaterThanOrEqualTo(40);
        assertThat(any.scores()[1]).isLessThan(40);

        biometrics.close();
        biometrics = biometrics(FusionRule.ALL);
        assertThat(matched(verify(oneRightOneWrong, enrolled))).isFalse();
        assertThat(matched(verify(bothRight, enrolled))).isTrue();

        biometrics.close();
        biometrics = biometrics(FusionRule.BEST_TWO);
        assertThat(matched(verify(List.of(presented(thumb, FingerPosition.LEFT_THUMB)), enrolled)))
                .isFalse();
        assertThat(matched(verify(bothRight, enrolled))).isTrue();
    }

    @Test
    void aFingerIsComparedWithTheSamePositionOrWithAllWhenItsPositionIsUnknown() {
        SyntheticFinger finger = synthetic.newFinger();
        List<EnrolledFingerprint> enrolled = List.of(
                enrolled(synthetic.newFinger(), FingerPosition.RIGHT_THUMB),
                enrolled(finger, FingerPosition.RIGHT_LITTLE));

        assertThat(matched(verify(List.of(presented(finger, FingerPosition.UNKNOWN)), enrolled)))
                .isTrue();
        assertThat(matched(verify(List.of(presented(finger, FingerPosition.RIGHT_THUMB)), enrolled)))
                .isFalse();
    }

    @Test
    void anUnusableFingerIsNamedAndNothingIsCompared() {
        SyntheticFinger finger = synthetic.newFinger();
        List<CapturedFingerprint> presented = List.of(
                presented(finger, FingerPosition.LEFT_MIDDLE),
                new CapturedFingerprint(FingerPosition.LEFT_RING, FingerprintFormat.JPEG, new byte[] {1, 2, 3}, 500));

        FingerprintVerification answer = verify(presented, List.of(enrolled(finger, FingerPosition.LEFT_MIDDLE)));

        assertThat(answer)
                .isEqualTo(new FingerprintVerification.Unusable(
                        1,
                        ViolationCode.FINGER_IMAGE_UNREADABLE,
                        "must be a decodable jpeg image of at most 16 megapixels"));
    }

    @Test
    void anIdentityWithoutFingerprintsIsNotEnrolled() {
        assertThat(verify(List.of(presented(synthetic.newFinger(), FingerPosition.LEFT_MIDDLE)), List.of()))
                .isInstanceOf(FingerprintVerification.NotEnrolled.class);
    }

    private FingerprintVerification verify(List<CapturedFingerprint> presented, List<EnrolledFingerprint> enrolled) {
        return Await.result(biometrics.verify(presented, enrolled));
    }

    private static boolean matched(FingerprintVerification verification) {
        return verification instanceof FingerprintVerification.Compared compared && compared.matched();
    }

    private EnrolledFingerprint enrolled(SyntheticFinger finger, FingerPosition position) {
        Extraction extraction = extractor.extract(presented(finger, position));
        return ((Extraction.Extracted) extraction).stored();
    }

    private CapturedFingerprint presented(SyntheticFinger finger, FingerPosition position) {
        return new CapturedFingerprint(
                position, FingerprintFormat.ISO_19794_2, synthetic.impression(finger, position), 500);
    }

    /** Verification touches neither database nor keys: none are given. */
    private static Biometrics biometrics(FusionRule rule) {
        BiometricSettings defaults = BiometricSettings.defaults();
        return new Biometrics(
                null,
                null,
                IdSchema.defaultSchema(),
                new BiometricSettings(
                        defaults.minMinutiae(),
                        defaults.matchThreshold(),
                        defaults.dedupThreshold(),
                        defaults.maxCandidates(),
                        false,
                        rule,
                        2,
                        16,
                        true));
    }
}
