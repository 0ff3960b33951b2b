package org.civis.issuer.photo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes an enrolled photo with the JDK's ImageIO (JPEG, PNG; JPEG 2000 only if a plugin is on the
 * class path). Large pictures are subsampled while decoding, so a small file that claims huge
 * dimensions cannot take the heap; a picture no reader understands is "no photo", not an error.
 */
public final class PhotoDecoder {
    /** Refused outright: no camera for ID photos produces more, and decoding one would be a bomb. */
    private static final int MAX_SOURCE_SIDE = 12_000;

    private PhotoDecoder() {}

    /**
     * The picture, decoded to at most about {@code 2 * maxSide} pixels on its longer side (the caller
     * scales further with proper filtering), or empty if it cannot be decoded.
     */
    public static Optional<BufferedImage> decode(SourcePhoto photo, int maxSide) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(photo.data()))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int side = Math.max(reader.getWidth(0), reader.getHeight(0));
                if (side > MAX_SOURCE_SIDE) {
                    return Optional.empty();
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, side / (2 * maxSide));
                param.setSourceSubsampling(step, step, 0, 0);
                return Optional.ofNullable(reader.read(0, param));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            // ImageIO reports corrupt data through unchecked exceptions as well as IOException.
            return Optional.empty();
        }
    }
}
