package org.civis.verifier.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import javax.imageio.ImageIO;
import org.civis.verifier.ErrorCode;
import org.civis.verifier.Rejection;
import org.civis.verifier.TestIssuer;
import org.civis.verifier.spec.CoseAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

public class QrImageReaderTest {
    /** Renders QR text the way a card printer would (ZXing), in a given picture format. */
    public static byte[] render(String text, String format, int margin) throws Exception {
        var matrix = new QRCodeWriter()
                .encode(
                        text,
                        BarcodeFormat.QR_CODE,
                        600,
                        600,
                        Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.L, EncodeHintType.MARGIN, margin));
        BufferedImage image = MatrixToImageWriter.toBufferedImage(matrix);
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(image, 0, 0, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(rgb, format, out)).isTrue();
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "gif", "bmp", "jpeg"})
    void aRenderedCredentialReadsBackFromEachPictureFormat(String format) throws Exception {
        String text = TestIssuer.credential(CoseAlgorithm.EDDSA, "k");

        assertThat(QrImageReader.read(render(text, format, 4))).isEqualTo(text);
    }

    @Test
    void aCodeWithoutQuietZoneIsReadByThePureBarcodeRetry() throws Exception {
        String text = TestIssuer.credential(CoseAlgorithm.ES256, "k");

        assertThat(QrImageReader.read(render(text, "png", 0))).isEqualTo(text);
    }

    @Test
    void aPictureWithoutAQrCodeIsQrNotFound() throws Exception {
        BufferedImage blank = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(blank, "png", out);

        assertThat(code(out.toByteArray())).isEqualTo(ErrorCode.QR_NOT_FOUND);
        assertThat(code("not a picture".getBytes())).isEqualTo(ErrorCode.QR_IMAGE_UNREADABLE);
    }

    static ErrorCode code(byte[] picture) {
        try {
            QrImageReader.read(picture);
            throw new AssertionError("expected no QR code");
        } catch (Rejection rejection) {
            return rejection.error().code();
        }
    }
}
