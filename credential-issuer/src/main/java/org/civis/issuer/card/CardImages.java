package org.civis.issuer.card;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Card images as files: PNG carrying its resolution, so a printer prints it at card size. */
public final class CardImages {
    private CardImages() {}

    /** The image as PNG with a pHYs chunk of {@link CardRenderer#DPI} dots per inch. */
    public static byte[] png(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            IIOMetadata metadata =
                    writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
            String format = "javax_imageio_png_1.0";
            IIOMetadataNode root = new IIOMetadataNode(format);
            IIOMetadataNode physical = new IIOMetadataNode("pHYs");
            String perMetre = Integer.toString((int) Math.round(CardRenderer.DPI / 0.0254));
            physical.setAttribute("pixelsPerUnitXAxis", perMetre);
            physical.setAttribute("pixelsPerUnitYAxis", perMetre);
            physical.setAttribute("unitSpecifier", "meter");
            root.appendChild(physical);
            metadata.mergeTree(format, root);
            writer.write(null, new IIOImage(image, null, metadata), null);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory PNG encoding failed", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
