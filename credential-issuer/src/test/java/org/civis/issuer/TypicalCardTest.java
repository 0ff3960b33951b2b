package org.civis.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.civis.issuer.card.CardContent;
import org.civis.issuer.keys.IssuerKeystore;
import org.civis.issuer.keys.SigningAlgorithm;
import org.civis.issuer.photo.PhotoOutcome;
import org.civis.issuer.qr.QrEncoder;
import org.civis.issuer.samples.QrImages;
import org.civis.issuer.samples.SampleHolders;
import org.civis.issuer.samples.SyntheticPortrait;
import org.civis.issuer.samples.TypicalCard;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A typical resident with a 600 x 800 portrait: the QR stays at version 30 or below at level M, and
 * the printed card's QR decodes back to the exact text. The measured sizes are written to
 * {@code target/typical-card.txt} for the README.
 */
class TypicalCardTest {
    @TempDir
    static Path dir;

    private static IssuedCredential credential;
    private static byte[] png;

    @BeforeAll
    static void issueAndPrint() throws Exception {
        var key = IssuerKeystore.openOrCreate(
                        dir.resolve("issuer-keys.p12"), "pw".toCharArray(), SigningAlgorithm.EDDSA, "Test ID")
                .ring()
                .current();
        TypicalCard card = TypicalCard.issue(key);
        credential = card.credential();
        png = card.png();
        record(card.identity().fields().encode().length());
    }

    @Test
    void aTypicalCardWithItsPhotoFitsVersion30AtLevelMInAlphanumericMode() {
        assertThat(credential.photo().status()).isEqualTo(PhotoOutcome.Status.INCLUDED);
        assertThat(credential.sizes().qrVersion()).isBetween(1, QrEncoder.MAX_VERSION);
        assertThat(com.google.zxing.qrcode.encoder.Encoder.chooseMode(credential.qrText()))
                .isEqualTo(com.google.zxing.qrcode.decoder.Mode.ALPHANUMERIC);
        assertThat(credential.sizes().base45Chars())
                .isLessThanOrEqualTo(QrEncoder.alphanumericCapacity(QrEncoder.MAX_VERSION));
        assertThat(credential.sizes().photoBytes()).isEqualTo(credential.photo().jpeg().length);
    }

    @Test
    void theCardIsCr80At300DpiAndItsQrDecodesToTheExactText() throws Exception {
        BufferedImage card = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(card.getWidth()).isEqualTo(1011);
        assertThat(card.getHeight()).isEqualTo(638);
        assertThat(QrImages.decode(png)).isEqualTo(credential.qrText());
    }

    @Test
    void theMaskedUinShowsOnlyTheLastFourDigits() {
        var content = new CardContent(
                "x",
                "y",
                "1990-01-15",
                SampleHolders.uin(5),
                LocalDate.EPOCH,
                java.util.Optional.empty(),
                credential.qr());
        String uin = SampleHolders.uin(5).value();
        assertThat(content.maskedUin()).isEqualTo("XXXXXX" + uin.substring(6));
    }

    private static void record(int fieldsJsonChars) throws Exception {
        CredentialSizes sizes = credential.sizes();
        String report = String.format(
                Locale.ROOT,
                "source photo: %d x %d JPEG, %d bytes%n"
                        + "photo in credential: %d x %d grayscale JPEG, quality %.2f, %d bytes%n"
                        + "CWT (COSE_Sign1, EdDSA): %d bytes%n"
                        + "zlib: %d bytes%nBase45: %d chars%nQR: version %d at level M (capacity %d chars)%n"
                        + "card PNG: %d bytes, 1011 x 638 px at 300 dpi%n",
                SyntheticPortrait.WIDTH,
                SyntheticPortrait.HEIGHT,
                SyntheticPortrait.jpeg(5).length,
                credential.photo().width(),
                credential.photo().height(),
                credential.photo().quality(),
                sizes.photoBytes(),
                sizes.cwtBytes(),
                sizes.compressedBytes(),
                sizes.base45Chars(),
                sizes.qrVersion(),
                QrEncoder.alphanumericCapacity(QrEncoder.MAX_VERSION),
                png.length);
        Files.writeString(Path.of("target", "typical-card.txt"), report, StandardCharsets.UTF_8);
        Files.write(Path.of("target", "typical-card.png"), png);
    }
}
