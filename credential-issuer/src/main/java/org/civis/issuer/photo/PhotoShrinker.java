package org.civis.issuer.photo;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.w3c.dom.Node;

/**
 * Makes the enrolled photo small enough for the QR: grayscale, downscaled, JPEG-compressed at the
 * highest quality that fits a byte budget. Sizes are tried from large to small, and the first whose
 * best fitting quality is still decent wins: a sharper small face beats a blocky larger one. Only
 * the JDK (ImageIO, Java2D); deterministic for a given input and budget.
 */
public final class PhotoShrinker {
    /** Widths tried, in pixels; heights follow the photo's aspect ratio. */
    private static final int[] WIDTHS = {96, 88, 80, 72, 64, 56, 48, 40, 32};

    /** Below this a face turns to blocks; a smaller size at this quality reads better. */
    static final float DECENT_QUALITY = 0.4f;

    private static final float LOWEST_QUALITY = 0.05f;
    private static final float HIGHEST_QUALITY = 0.9f;
    private static final int QUALITY_STEPS = 7;

    /** Shrinks {@code photo} to at most {@code budgetBytes} bytes of JPEG. */
    public PhotoOutcome shrink(SourcePhoto photo, int budgetBytes) {
        Optional<BufferedImage> decoded = PhotoDecoder.decode(photo, WIDTHS[0] * 2);
        if (decoded.isEmpty()) {
            return PhotoOutcome.omitted(PhotoOutcome.Status.UNREADABLE);
        }
        BufferedImage source = decoded.get();
        PhotoOutcome smallest = null;
        for (int width : WIDTHS) {
            BufferedImage gray = grayscale(source, width);
            Optional<PhotoOutcome> fitted = bestFit(gray, budgetBytes);
            if (fitted.isPresent() && fitted.get().quality() >= DECENT_QUALITY) {
                return fitted.get();
            }
            if (fitted.isPresent()) {
                smallest = fitted.get();
            }
        }
        return smallest != null ? smallest : PhotoOutcome.omitted(PhotoOutcome.Status.TOO_LARGE);
    }

    /** The highest quality (binary search) whose JPEG fits {@code budgetBytes}, or empty if even the lowest does not. */
    private static Optional<PhotoOutcome> bestFit(BufferedImage gray, int budgetBytes) {
        byte[] lowest = jpeg(gray, LOWEST_QUALITY);
        if (lowest.length > budgetBytes) {
            return Optional.empty();
        }
        float low = LOWEST_QUALITY;
        byte[] best = lowest;
        float high = HIGHEST_QUALITY;
        for (int step = 0; step < QUALITY_STEPS; step++) {
            float middle = (low + high) / 2;
            byte[] attempt = jpeg(gray, middle);
            if (attempt.length <= budgetBytes) {
                low = middle;
                best = attempt;
            } else {
                high = middle;
            }
        }
        return Optional.of(
                new PhotoOutcome(PhotoOutcome.Status.INCLUDED, best, gray.getWidth(), gray.getHeight(), low));
    }

    /**
     * A grayscale copy {@code width} pixels wide. Halving steps with bilinear filtering, then one
     * bicubic step, average the pixels a single big step would skip (which would alias).
     */
    static BufferedImage grayscale(BufferedImage source, int width) {
        int height = Math.max(1, Math.round((float) source.getHeight() * width / source.getWidth()));
        BufferedImage current = source;
        while (current.getWidth() / 2 >= width * 2) {
            current = draw(
                    current,
                    current.getWidth() / 2,
                    current.getHeight() / 2,
                    BufferedImage.TYPE_INT_RGB,
                    RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        }
        return draw(current, width, height, BufferedImage.TYPE_BYTE_GRAY, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    }

    private static BufferedImage draw(BufferedImage source, int width, int height, int type, Object interpolation) {
        BufferedImage target = new BufferedImage(width, height, type);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /**
     * Baseline JPEG at {@code quality} with Huffman tables fitted to the image (smaller than the
     * standard tables for a picture this size) and without the JFIF segment: 18 bytes no decoder
     * needs for a grayscale image.
     */
    static byte[] jpeg(BufferedImage gray, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            JPEGImageWriteParam param = (JPEGImageWriteParam) writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            param.setOptimizeHuffmanTables(true);
            IIOMetadata metadata =
                    writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(gray), param);
            withoutJfif(metadata);
            writer.write(null, new IIOImage(gray, null, metadata), param);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory JPEG encoding failed", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static void withoutJfif(IIOMetadata metadata) throws IIOInvalidTreeException {
        String format = "javax_imageio_jpeg_image_1.0";
        Node root = metadata.getAsTree(format);
        Node variety = root.getFirstChild(); // JPEGvariety, then markerSequence
        while (variety.hasChildNodes()) {
            variety.removeChild(variety.getFirstChild());
        }
        metadata.setFromTree(format, root);
    }
}
