package org.civis.core.biometrics.synthetic;

import java.util.List;

/**
 * A synthetic finger: its master minutiae, the "true" finger that every impression is a perturbed
 * view of. Immutable; make one with {@link SyntheticFingerprints#newFinger()}.
 *
 * @param minutiae the master minutiae, all inside the synthetic sensor image
 */
public record SyntheticFinger(List<SyntheticMinutia> minutiae) {

    public SyntheticFinger {
        minutiae = List.copyOf(minutiae);
        if (minutiae.isEmpty() || minutiae.size() > SensorImage.MAX_MASTER_MINUTIAE) {
            throw new IllegalArgumentException(
                    "a synthetic finger has 1 to " + SensorImage.MAX_MASTER_MINUTIAE + " minutiae");
        }
        if (!minutiae.stream().allMatch(SensorImage::contains)) {
            throw new IllegalArgumentException("master minutiae must lie inside the sensor image");
        }
    }
}
