package org.civis.verifier.image;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.civis.verifier.ErrorCode;
import org.civis.verifier.Rejection;

/**
 * Finds the QR code in a picture: first a hybrid binarizer with TRY_HARDER (photos, uneven light),
 * then the pure-barcode mode (a clean rendering with no margin, where the finder search can fail).
 */
public final class QrImageReader {
    private static final long MAX_PIXELS = 40_000_000L;

    private QrImageReader() {}

    public static String read(byte[] imageBytes) throws Rejection {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(imageBytes));
        } catch (IOException | RuntimeException e) {
            throw new Rejection(ErrorCode.QR_IMAGE_UNREADABLE, "not a readable PNG, JPEG, GIF or BMP picture");
        }
        if (image == null) {
            throw new Rejection(ErrorCode.QR_IMAGE_UNREADABLE, "not a PNG, JPEG, GIF or BMP picture");
        }
        if ((long) image.getWidth() * image.getHeight() > MAX_PIXELS) {
            throw new Rejection(ErrorCode.QR_IMAGE_UNREADABLE, "picture larger than " + MAX_PIXELS + " pixels");
        }
        LuminanceSource source = new BufferedImageLuminanceSource(image);
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        try {
            return decode(source, hints);
        } catch (ReaderException first) {
            hints.put(DecodeHintType.PURE_BARCODE, Boolean.TRUE);
            try {
                return decode(source, hints);
            } catch (ReaderException second) {
                throw new Rejection(ErrorCode.QR_NOT_FOUND, "no readable QR code in the picture");
            }
        }
    }

    private static String decode(LuminanceSource source, Map<DecodeHintType, Object> hints) throws ReaderException {
        try {
            Result result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints);
            return result.getText();
        } catch (RuntimeException e) {
            // ZXing signals most failures with ReaderException, but odd pictures can raise others.
            throw NotFoundException.getNotFoundInstance();
        }
    }
}
