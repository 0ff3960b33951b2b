package org.civis.core.biometrics.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import com.machinezoo.sourceafis.FingerprintCompatibility;
import com.machinezoo.sourceafis.FingerprintMatcher;
import com.machinezoo.sourceafis.FingerprintTemplate;
import java.util.ArrayList;
import java.util.List;
import org.civis.core.schema.FingerPosition;
import org.junit.jupiter.api.Test;

/** Synthetic fingers behave like fingers for SourceAFIS: genuine pairs match, impostor pairs do not. */
class SyntheticFingerprintsMatchingTest {

    /** SourceAFIS's documented threshold for a false match rate of about 0.01%. */
    private static final double THRESHOLD = 40;

    private static final int FINGERS = 50;

    private static final int IMPRESSIONS_PER_FINGER = 3;

    @Test
    void sourceAfisImportsIsoAndAnsiImpressionsAndMatchesThemAcrossFormats() {
        SyntheticFingerprints fingerprints = new SyntheticFingerprints(11);
        SyntheticFinger finger = fingerprints.newFinger();
        SyntheticFinger other = fingerprints.newFinger();

        FingerprintTemplate iso =
                FingerprintCompatibility.importTemplate(fingerprints.impression(finger, FingerPosition.RIGHT_INDEX));
        FingerprintTemplate ansi = FingerprintCompatibility.importTemplate(
                fingerprints.ansi378Impression(finger, FingerPosition.RIGHT_INDEX));
        FingerprintTemplate otherAnsi = FingerprintCompatibility.importTemplate(
                fingerprints.ansi378Impression(other, FingerPosition.RIGHT_INDEX));

        FingerprintMatcher matcher = new FingerprintMatcher(iso);
        assertThat(matcher.match(ansi)).isGreaterThanOrEqualTo(THRESHOLD);
        assertThat(matcher.match(otherAnsi)).isLessThan(THRESHOLD);
    }

    @Test
    void genuinePairsOfFiftyFingersScoreAtLeast40AndEveryImpostorPairBelow() {
        // Pinned seed: about 0.3% of typical genuine pairs score below 40, and none of this seed's
        // 150 does (its lowest is ~60), so a failure here means the generator or the matcher changed.
        SyntheticFingerprints fingerprints = new SyntheticFingerprints(2024);
        List<FingerprintTemplate> templates = new ArrayList<>();
        for (int finger = 0; finger < FINGERS; finger++) {
            SyntheticFinger synthetic = fingerprints.newFinger();
            for (int impression = 0; impression < IMPRESSIONS_PER_FINGER; impression++) {
                templates.add(FingerprintCompatibility.importTemplate(
                        fingerprints.impression(synthetic, FingerPosition.LEFT_INDEX)));
            }
        }

        double genuineMin = Double.POSITIVE_INFINITY;
        double impostorMax = Double.NEGATIVE_INFINITY;
        int genuinePairs = 0;
        int impostorPairs = 0;
        for (int probe = 0; probe < templates.size(); probe++) {
            FingerprintMatcher matcher = new FingerprintMatcher(templates.get(probe));
            for (int candidate = probe + 1; candidate < templates.size(); candidate++) {
                double score = matcher.match(templates.get(candidate));
                if (probe / IMPRESSIONS_PER_FINGER == candidate / IMPRESSIONS_PER_FINGER) {
                    genuineMin = Math.min(genuineMin, score);
                    genuinePairs++;
                } else {
                    impostorMax = Math.max(impostorMax, score);
                    impostorPairs++;
                }
            }
        }

        int expectedGenuine = FINGERS * IMPRESSIONS_PER_FINGER * (IMPRESSIONS_PER_FINGER - 1) / 2;
        assertThat(genuinePairs).isEqualTo(expectedGenuine);
        assertThat(impostorPairs).isEqualTo(templates.size() * (templates.size() - 1) / 2 - expectedGenuine);
        assertThat(genuineMin).as("lowest genuine score").isGreaterThanOrEqualTo(THRESHOLD);
        assertThat(impostorMax).as("highest impostor score").isLessThan(THRESHOLD);
    }
}
