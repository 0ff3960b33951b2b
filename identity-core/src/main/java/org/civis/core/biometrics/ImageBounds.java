package org.civis.core.biometrics;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.civis.core.schema.FingerprintFormat;

/**
 * Refuses images whose header promises more pixels than a fingerprint has, before anything is
 * decoded: a small PNG can declare a picture of gigabytes. A ten-print slap at 1000 dpi is well under
 * the limit.
 */
final class ImageBounds {
    static final int MAX_MEGAPIXELS = 16;
    private static final long MAX_PIXELS = MAX_MEGAPIXELS * 1_000_000L;

    private ImageBounds() {}

    /**
     * True when the header's size is within the limit. WSQ is not read here (ImageIO has no reader for
     * it); its decoder works in blocks bounded by the upload limit.
     */
    static boolean withinLimit(FingerprintFormat format, byte[] data) {
        if (format == FingerprintFormat.WSQ) {
            return true;
        }
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            if (input == null) {
                return false;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return false;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                return pixels > 0 && pixels <= MAX_PIXELS;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadableHeader) {
            return false;
        }
    }
}
