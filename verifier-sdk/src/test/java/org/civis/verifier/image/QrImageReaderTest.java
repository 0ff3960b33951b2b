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
import org.civis.verifier.TestIssuer;
import org.civis.verifier.spec.CoseAlgorithm;
import org.civis.verifier.verdict.ErrorCode;
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

        assertThat(QrImageReader.read(render(text, format, 4))).isEqualTo(new QrReading.Found(text));
    }

    @Test
    void aCodeWithoutQuietZoneIsReadByThePureBarcodeRetry() throws Exception {
        String text = TestIssuer.credential(CoseAlgorithm.ES256, "k");

        assertThat(QrImageReader.read(render(text, "png", 0))).isEqualTo(new QrReading.Found(text));
    }

    @Test
    void aPictureWithoutAQrCodeIsQrNotFound() throws Exception {
        BufferedImage blank = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(blank, "png", out);

        assertThat(code(out.toByteArray())).isEqualTo(ErrorCode.QR_NOT_FOUND);
        assertThat(code("not a picture".getBytes())).isEqualTo(ErrorCode.QR_IMAGE_UNREADABLE);
    }

    @Test
    void aPictureWhoseHeaderClaimsBillionsOfPixelsIsRefusedBeforeDecoding() throws Exception {
        // A valid PNG signature and IHDR for 100,000 x 100,000 pixels, and no pixel data at all:
        // decoding it would try to allocate tens of gigabytes.
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(13)
                .putInt(100_000)
                .putInt(100_000)
                .put((byte) 8) // bit depth
                .put((byte) 2) // truecolour
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        chunk(png, "IHDR", header.array());
        chunk(png, "IEND", new byte[0]);

        assertThat(code(png.toByteArray())).isEqualTo(ErrorCode.QR_IMAGE_UNREADABLE);
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws Exception {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        crc.update(data);
        png.write(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        png.write(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        png.write(data);
        png.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    static ErrorCode code(byte[] picture) {
        QrReading reading = QrImageReader.read(picture);

        assertThat(reading).as("expected no QR code").isInstanceOf(QrReading.NotFound.class);
        return ((QrReading.NotFound) reading).error().code();
    }
}
