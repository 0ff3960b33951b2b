package org.civis.core.biometrics.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Draws one impression of a master finger: the whole finger is rotated and shifted on the sensor,
 * each minutia moves and turns a little, some go missing, a few spurious ones appear, and whatever
 * ends up off the image is lost, as it would be on a real sensor.
 *
 * <p>Trigonometry goes through {@link StrictMath}: {@link Math} may differ by an ulp between JVMs,
 * and that can flip the rounding of a position and so change the bytes a seed gives.
 */
final class ImpressionSampler {

    private static final double CENTRE_X = SensorImage.WIDTH / 2.0;
    private static final double CENTRE_Y = SensorImage.HEIGHT / 2.0;

    private ImpressionSampler() {}

    static List<SyntheticMinutia> sample(SyntheticFinger finger, Perturbation perturbation, Random random) {
        double rotation = Math.toRadians(perturbation.rotationSigmaDegrees()) * random.nextGaussian();
        double shiftX = perturbation.translationSigmaPixels() * random.nextGaussian();
        double shiftY = perturbation.translationSigmaPixels() * random.nextGaussian();
        double cos = StrictMath.cos(rotation);
        double sin = StrictMath.sin(rotation);

        List<SyntheticMinutia> impression = new ArrayList<>();
        for (SyntheticMinutia master : finger.minutiae()) {
            if (random.nextDouble() < perturbation.dropProbability()) {
                continue;
            }
            double dx = master.x() - CENTRE_X;
            double dy = master.y() - CENTRE_Y;
            double x =
                    CENTRE_X + dx * cos - dy * sin + shiftX + jitter(perturbation.positionJitterSigmaPixels(), random);
            double y =
                    CENTRE_Y + dx * sin + dy * cos + shiftY + jitter(perturbation.positionJitterSigmaPixels(), random);
            // With y growing downwards, +rotation turns positions clockwise on screen, while minutia
            // directions count counter-clockwise: the direction must turn by -rotation to stay on
            // its ridge. With the sign wrong the median genuine score falls from ~145 to ~20.
            double direction = master.direction()
                    - rotation
                    + Math.toRadians(jitter(perturbation.angleJitterSigmaDegrees(), random));
            impression.add(new SyntheticMinutia(x, y, direction, master.type()));
        }
        int spurious = random.nextInt(perturbation.maxSpuriousMinutiae() + 1);
        for (int i = 0; i < spurious; i++) {
            impression.add(randomMinutia(random));
        }
        impression.removeIf(minutia -> !SensorImage.contains(minutia));
        return impression;
    }

    /** A minutia anywhere on the image, in any direction, of either type. */
    static SyntheticMinutia randomMinutia(Random random) {
        // One pixel short of the edge, so that rounding cannot push a position off the image.
        return new SyntheticMinutia(
                random.nextDouble() * (SensorImage.WIDTH - 1),
                random.nextDouble() * (SensorImage.HEIGHT - 1),
                random.nextDouble() * 2 * Math.PI,
                random.nextBoolean() ? SyntheticMinutia.Type.ENDING : SyntheticMinutia.Type.BIFURCATION);
    }

    private static double jitter(double sigma, Random random) {
        return sigma * random.nextGaussian();
    }
}
