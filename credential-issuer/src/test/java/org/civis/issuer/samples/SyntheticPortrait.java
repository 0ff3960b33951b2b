package org.civis.issuer.samples;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A made-up passport-style portrait, drawn here so no real face is ever in the repository: 600 x 800,
 * a graded background, shoulders, a shaded face with eyes, brows, nose and mouth, hair, and sensor-like
 * noise so that it compresses like a photograph rather than like a drawing. The same seed gives the
 * same picture.
 */
public final class SyntheticPortrait {
    public static final int WIDTH = 600;
    public static final int HEIGHT = 800;

    private static final Map<Long, byte[]> JPEGS = new ConcurrentHashMap<>();

    private SyntheticPortrait() {}

    public static BufferedImage image(long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, new Color(0xC9, 0xD3, 0xDC), 0, HEIGHT, new Color(0x8E, 0x9C, 0xA8)));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            Color skin = new Color(0x8D + random.nextInt(40), 0x5A + random.nextInt(30), 0x3C + random.nextInt(20));
            // Shoulders and neck.
            g.setPaint(new GradientPaint(0, 600, new Color(0x2B, 0x3A, 0x55), 0, HEIGHT, new Color(0x14, 0x1C, 0x2B)));
            g.fill(new Ellipse2D.Double(40, 610, 520, 420));
            g.setColor(skin.darker());
            g.fillRect(245, 480, 110, 160);
            // Face, lit from the upper left.
            g.setPaint(new RadialGradientPaint(
                    new Point2D.Double(270, 330), 240, new float[] {0f, 1f}, new Color[] {skin.brighter(), skin.darker()
                    }));
            g.fill(new Ellipse2D.Double(160, 170, 280, 360));
            // Hair.
            g.setColor(new Color(0x1E, 0x16, 0x12));
            g.fill(new Ellipse2D.Double(150, 120, 300, 170));
            // Eyes, brows, nose, mouth.
            for (int x : new int[] {225, 330}) {
                g.setColor(new Color(0xF2, 0xEE, 0xE8));
                g.fill(new Ellipse2D.Double(x, 320, 48, 24));
                g.setColor(new Color(0x3B, 0x25, 0x17));
                g.fill(new Ellipse2D.Double(x + 14, 322, 20, 20));
                g.setColor(new Color(0x2A, 0x1D, 0x15));
                g.fillRoundRect(x - 4, 298, 58, 9, 8, 8);
            }
            g.setColor(skin.darker().darker());
            g.fillRoundRect(288, 355, 22, 70, 12, 12);
            g.setColor(new Color(0x8A, 0x3E, 0x3A));
            g.fill(new Ellipse2D.Double(255, 448, 92, 26));
        } finally {
            g.dispose();
        }
        addNoise(image, random);
        return image;
    }

    /** The portrait as a JPEG at quality 0.9, as a registration camera would deliver it. */
    public static byte[] jpeg(long seed) {
        return JPEGS.computeIfAbsent(seed, SyntheticPortrait::encodeJpeg).clone();
    }

    private static byte[] encodeJpeg(long seed) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            writer.write(null, new IIOImage(image(seed), null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** The portrait as PNG. */
    public static byte[] png(long seed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image(seed), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void addNoise(BufferedImage image, Random random) {
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            int rgb = pixels[i];
            int grain = (int) Math.round(random.nextGaussian() * 5);
            pixels[i] = channel(rgb >> 16, grain) << 16 | channel(rgb >> 8, grain) << 8 | channel(rgb, grain);
        }
    }

    private static int channel(int value, int grain) {
        return Math.max(0, Math.min(255, (value & 0xFF) + grain));
    }
}
