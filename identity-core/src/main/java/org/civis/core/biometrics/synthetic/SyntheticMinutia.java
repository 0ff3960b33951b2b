package org.civis.core.biometrics.synthetic;

/**
 * One minutia of a synthetic finger, in the pixel coordinates of the synthetic sensor image (x to
 * the right, y downwards).
 *
 * @param x horizontal position in pixels
 * @param y vertical position in pixels
 * @param direction ridge direction in radians, counter-clockwise as seen on the image (the ISO/IEC
 *     19794-2 convention), in [0, 2π)
 * @param type ridge ending or bifurcation
 */
public record SyntheticMinutia(double x, double y, double direction, Type type) {

    private static final double FULL_TURN = 2 * Math.PI;

    /** The two minutia types that both record formats can carry. */
    public enum Type {
        ENDING,
        BIFURCATION
    }

    public SyntheticMinutia {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(direction)) {
            throw new IllegalArgumentException("minutia coordinates and direction must be finite");
        }
        if (type == null) {
            throw new IllegalArgumentException("minutia type is required");
        }
        direction = normalized(direction);
    }

    private static double normalized(double radians) {
        double turned = radians % FULL_TURN;
        // % keeps the sign of the dividend, and a tiny negative value can round up to a full turn.
        double positive = turned < 0 ? turned + FULL_TURN : turned;
        return positive >= FULL_TURN ? 0 : positive;
    }
}
