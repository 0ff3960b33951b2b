package org.civis.issuer.card;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.format.DateTimeFormatter;
import org.civis.issuer.qr.QrSymbol;

/**
 * Draws an ID card the size of a bank card (ISO/IEC 7810 ID-1, 85.6 x 54 mm) at 300 dpi with Java2D:
 * on the left the issuer, the photo, the name, the date of birth, the masked UIN and the expiry; on
 * the right the QR with its four-module quiet zone, as large as the card's height allows (a version
 * 30 symbol gets 4-pixel modules, 0.34 mm, comfortably above what phone cameras resolve on print).
 * Stateless and thread-safe; CPU-bound: run it on a worker.
 */
public final class CardRenderer {
    public static final int DPI = 300;
    public static final int WIDTH = mmToPixels(85.6);
    public static final int HEIGHT = mmToPixels(54.0);

    /** ISO/IEC 18004 asks for four light modules around the symbol. */
    public static final int QUIET_ZONE_MODULES = 4;

    private static final int MARGIN = mmToPixels(2.0);
    private static final int GAP = mmToPixels(1.2);
    private static final int QR_SIDE = HEIGHT - 2 * MARGIN;
    private static final int TEXT_WIDTH = WIDTH - QR_SIDE - 2 * MARGIN - GAP;
    private static final int PHOTO_WIDTH = mmToPixels(20);
    private static final int PHOTO_HEIGHT = PHOTO_WIDTH * 4 / 3;
    private static final Color INK = new Color(0x1A, 0x1A, 0x1A);
    private static final Color ACCENT = new Color(0x0B, 0x4F, 0x6C);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    public BufferedImage render(CardContent content) {
        BufferedImage card = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = card.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            drawQr(g, content.qr(), new Rectangle(WIDTH - MARGIN - QR_SIDE, MARGIN, QR_SIDE, QR_SIDE));
            int y = MARGIN;
            y = text(g, content.issuerName(), Font.BOLD, 30, ACCENT, y) + GAP;
            drawPhoto(g, content, new Rectangle(MARGIN, y, PHOTO_WIDTH, PHOTO_HEIGHT));
            y += PHOTO_HEIGHT + GAP;
            y = text(g, content.fullName(), Font.BOLD, 32, INK, y) + GAP / 2;
            y = text(g, "Date of birth  " + content.dateOfBirth(), Font.PLAIN, 25, INK, y);
            y = text(g, "UIN  " + content.maskedUin(), Font.PLAIN, 25, INK, y);
            text(g, "Expires  " + DATE.format(content.expiresOn()), Font.PLAIN, 25, INK, y);
        } finally {
            g.dispose();
        }
        return card;
    }

    /** The symbol centred in {@code box} with whole-pixel modules, so every module has the same size. */
    static void drawQr(Graphics2D g, QrSymbol qr, Rectangle box) {
        int modules = qr.size() + 2 * QUIET_ZONE_MODULES;
        int module = box.width / modules;
        if (module < 3) {
            throw new IllegalArgumentException("a " + qr.size() + "-module symbol does not fit the card legibly");
        }
        int left = box.x + (box.width - modules * module) / 2 + QUIET_ZONE_MODULES * module;
        int top = box.y + (box.height - modules * module) / 2 + QUIET_ZONE_MODULES * module;
        g.setColor(Color.BLACK);
        for (int y = 0; y < qr.size(); y++) {
            for (int x = 0; x < qr.size(); x++) {
                if (qr.isDark(x, y)) {
                    g.fillRect(left + x * module, top + y * module, module, module);
                }
            }
        }
    }

    /** The photo scaled to cover the box and centred (cropping what overflows), or a placeholder. */
    private static void drawPhoto(Graphics2D g, CardContent content, Rectangle box) {
        if (content.photo().isPresent()) {
            BufferedImage photo = content.photo().get();
            double scale = Math.max((double) box.width / photo.getWidth(), (double) box.height / photo.getHeight());
            int width = (int) Math.round(photo.getWidth() * scale);
            int height = (int) Math.round(photo.getHeight() * scale);
            Graphics2D clipped = (Graphics2D) g.create();
            try {
                clipped.clip(box);
                clipped.drawImage(
                        photo, box.x + (box.width - width) / 2, box.y + (box.height - height) / 2, width, height, null);
            } finally {
                clipped.dispose();
            }
        } else {
            g.setColor(new Color(0xEE, 0xEE, 0xEE));
            g.fillRect(box.x, box.y, box.width, box.height);
            g.setColor(INK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 22));
            String text = "no photo";
            FontMetrics metrics = g.getFontMetrics();
            g.drawString(
                    text,
                    box.x + (box.width - metrics.stringWidth(text)) / 2,
                    box.y + box.height / 2 + metrics.getAscent() / 2);
        }
        g.setColor(INK);
        g.setStroke(new BasicStroke(2f));
        g.drawRect(box.x, box.y, box.width, box.height);
    }

    /**
     * One line of text in the left column, shrunk (down to 60% of {@code size}) and then cut with an
     * ellipsis to fit; returns the y below it.
     */
    private static int text(Graphics2D g, String line, int style, int size, Color color, int top) {
        Font font = new Font(Font.SANS_SERIF, style, size);
        FontMetrics metrics = g.getFontMetrics(font);
        for (int smaller = size; metrics.stringWidth(line) > TEXT_WIDTH && smaller > size * 6 / 10; smaller--) {
            font = font.deriveFont((float) smaller - 1);
            metrics = g.getFontMetrics(font);
        }
        String shown = line;
        while (metrics.stringWidth(shown) > TEXT_WIDTH && shown.length() > 1) {
            shown = shown.substring(0, shown.length() - 2) + "\u2026";
        }
        g.setFont(font);
        g.setColor(color);
        g.drawString(shown, MARGIN, top + metrics.getAscent());
        return top + metrics.getHeight();
    }

    private static int mmToPixels(double millimetres) {
        return (int) Math.round(millimetres / 25.4 * DPI);
    }
}
