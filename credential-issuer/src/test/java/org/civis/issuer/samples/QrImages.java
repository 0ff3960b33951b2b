package org.civis.issuer.samples;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Reads the QR back from a rendered image, as a scanner app would: ZXing's reader, nothing of ours.
 * ZXing's multi-symbol reader, because its single-symbol {@code QRCodeReader} picks its three finder
 * patterns once and, on a version 30 symbol drawn at exactly 4 pixels a module, picked wrong ones
 * for about 7% of cards (11 of 150 tried; the symbols themselves decode, and read at 3/4 scale).
 * The multi reader tries the candidate triples and read all of 400.
 */
public final class QrImages {
    private QrImages() {}

    public static String decode(byte[] png) throws Exception {
        return decode(ImageIO.read(new ByteArrayInputStream(png)));
    }

    public static String decode(BufferedImage image) throws Exception {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
        Result[] results =
                new QRCodeMultiReader().decodeMultiple(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
        if (results.length != 1) {
            throw new AssertionError("expected one QR symbol, found " + results.length);
        }
        return results[0].getText();
    }
}
