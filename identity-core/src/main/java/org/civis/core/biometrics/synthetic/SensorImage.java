package org.civis.core.biometrics.synthetic;

/**
 * The imaginary sensor every synthetic impression comes from: its image size and resolution, which
 * the records declare, and the bounds every written minutia must respect.
 */
final class SensorImage {

    /** About 20 x 25 mm at 500 dpi: room for a whole fingertip, so few minutiae fall off the edge. */
    static final int WIDTH = 400;

    static final int HEIGHT = 500;

    /** 500 dpi expressed as both record formats want it: pixels per centimetre. */
    static final int PIXELS_PER_CM = 197;

    /** Master fingers carry 30 to 55 minutiae, a typical range for a good plain impression. */
    static final int MIN_MASTER_MINUTIAE = 30;

    static final int MAX_MASTER_MINUTIAE = 55;

    /** Both formats count minutiae in one byte. */
    static final int MAX_RECORD_MINUTIAE = 255;

    private SensorImage() {}

    /** Whether the minutia lands on a pixel of the image once its position is rounded. */
    static boolean contains(SyntheticMinutia minutia) {
        long x = Math.round(minutia.x());
        long y = Math.round(minutia.y());
        return x >= 0 && x < WIDTH && y >= 0 && y < HEIGHT;
    }
}
