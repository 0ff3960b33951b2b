package org.civis.core.biometrics.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.civis.core.schema.FingerPosition;

/**
 * A seeded source of synthetic fingers and their impressions as standard minutiae records, for
 * tests and scale benchmarks that need many distinct fingers with known genuine and impostor
 * pairs. Never for enrollment or authentication decisions.
 *
 * <p>Deterministic: two instances made with the same seed return the same fingers and the same
 * bytes when called in the same order. {@link Random} is used on purpose, because its algorithm is
 * fixed by its specification and so stays the same across JDKs (and the geometry uses {@link
 * StrictMath} for the same reason). Not for concurrent use: the order of
 * calls is what makes the output repeatable.
 */
public final class SyntheticFingerprints {

    /**
     * About one and a half ridge periods (0.7 mm at 500 dpi): minutiae closer than that are mostly
     * noise, which extractors filter out.
     */
    private static final double MIN_MINUTIA_DISTANCE = 14;

    private final Random random;

    public SyntheticFingerprints(long seed) {
        this.random = new Random(seed);
    }

    /** A new finger with 30 to 55 master minutiae, unrelated to any finger made before. */
    public SyntheticFinger newFinger() {
        int count = SensorImage.MIN_MASTER_MINUTIAE
                + random.nextInt(SensorImage.MAX_MASTER_MINUTIAE - SensorImage.MIN_MASTER_MINUTIAE + 1);
        List<SyntheticMinutia> minutiae = new ArrayList<>(count);
        // Rejection sampling ends quickly: even 55 exclusion discs cover under a fifth of the image.
        while (minutiae.size() < count) {
            SyntheticMinutia candidate = ImpressionSampler.randomMinutia(random);
            if (minutiae.stream().allMatch(placed -> farEnough(placed, candidate))) {
                minutiae.add(candidate);
            }
        }
        return new SyntheticFinger(minutiae);
    }

    /** A {@link Perturbation#TYPICAL typical} impression as an ISO/IEC 19794-2:2005 record. */
    public byte[] impression(SyntheticFinger finger, FingerPosition position) {
        return impression(finger, position, Perturbation.TYPICAL);
    }

    /** An impression with the given perturbation as an ISO/IEC 19794-2:2005 record. */
    public byte[] impression(SyntheticFinger finger, FingerPosition position, Perturbation perturbation) {
        return MinutiaeRecords.iso19794p2(ImpressionSampler.sample(finger, perturbation, random), position);
    }

    /** A {@link Perturbation#TYPICAL typical} impression as an ANSI/INCITS 378-2004 record. */
    public byte[] ansi378Impression(SyntheticFinger finger, FingerPosition position) {
        return ansi378Impression(finger, position, Perturbation.TYPICAL);
    }

    /** An impression with the given perturbation as an ANSI/INCITS 378-2004 record. */
    public byte[] ansi378Impression(SyntheticFinger finger, FingerPosition position, Perturbation perturbation) {
        return MinutiaeRecords.ansi378(ImpressionSampler.sample(finger, perturbation, random), position);
    }

    /** The master minutiae themselves, unperturbed, as an ISO/IEC 19794-2:2005 record. */
    public byte[] master(SyntheticFinger finger, FingerPosition position) {
        return MinutiaeRecords.iso19794p2(finger.minutiae(), position);
    }

    private static boolean farEnough(SyntheticMinutia a, SyntheticMinutia b) {
        return StrictMath.hypot(a.x() - b.x(), a.y() - b.y()) >= MIN_MINUTIA_DISTANCE;
    }
}
