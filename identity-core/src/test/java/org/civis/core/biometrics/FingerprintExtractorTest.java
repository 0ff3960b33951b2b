package org.civis.core.biometrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.machinezoo.fingerprintio.iso19794p2v2005.Iso19794p2v2005Fingerprint;
import com.machinezoo.fingerprintio.iso19794p2v2005.Iso19794p2v2005Minutia;
import com.machinezoo.fingerprintio.iso19794p2v2005.Iso19794p2v2005MinutiaType;
import com.machinezoo.fingerprintio.iso19794p2v2005.Iso19794p2v2005Position;
import com.machinezoo.fingerprintio.iso19794p2v2005.Iso19794p2v2005ScanType;
import com.machinezoo.fingerprintio.iso19794p2v2005.Iso19794p2v2005Template;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.civis.core.biometrics.FingerprintExtractor.Extraction;
import org.civis.core.biometrics.synthetic.SyntheticFinger;
import org.civis.core.biometrics.synthetic.SyntheticFingerprints;
import org.civis.core.schema.FingerPosition;
import org.civis.core.schema.FingerprintFormat;
import org.civis.core.schema.ViolationCode;
import org.junit.jupiter.api.Test;

class FingerprintExtractorTest {
    private final FingerprintExtractor extractor = new FingerprintExtractor(12);
    private final SyntheticFingerprints synthetic = new SyntheticFingerprints(7);

    @Test
    void anIsoTemplateIsStoredAsIsoWithTheDeclaredPositionAndItsMinutiae() {
        SyntheticFinger finger = synthetic.newFinger();
        byte[] sent = synthetic.impression(finger, FingerPosition.UNKNOWN);

        Extraction.Extracted extracted =
                extracted(capture(FingerPosition.LEFT_RING, FingerprintFormat.ISO_19794_2, sent));

        Iso19794p2v2005Template stored =
                new Iso19794p2v2005Template(extracted.stored().isoTemplate());
        assertThat(stored.fingerprints).hasSize(1);
        assertThat(stored.fingerprints.get(0).position).isEqualTo(Iso19794p2v2005Position.LEFT_RING);
        assertThat(stored.fingerprints.get(0).minutiae).hasSize(extracted.minutiae());
        assertThat(extracted.minutiae())
                .isEqualTo(new Iso19794p2v2005Template(sent)
                        .fingerprints
                        .get(0)
                        .minutiae
                        .size());
        assertThat(extracted.stored().position()).isEqualTo(FingerPosition.LEFT_RING);
    }

    @Test
    void everyDeclaredFingerIsStoredUnderItsOwnIsoPositionCode() {
        byte[] sent = synthetic.impression(synthetic.newFinger(), FingerPosition.UNKNOWN);

        for (FingerPosition declared : FingerPosition.values()) {
            byte[] stored = extracted(capture(declared, FingerprintFormat.ISO_19794_2, sent))
                    .stored()
                    .isoTemplate();

            // ISO/IEC 19794-2:2005: a 24-byte record header, then the first finger view's position code.
            assertThat(stored[24]).as(declared.name()).isEqualTo((byte) declared.isoCode());
            assertThat(new Iso19794p2v2005Template(stored)
                            .fingerprints
                            .get(0)
                            .position
                            .name())
                    .isEqualTo(declared.name());
        }
    }

    @Test
    void anAnsiTemplateIsImportedAndMatchesTheIsoImpressionOfTheSameFinger() {
        SyntheticFinger finger = synthetic.newFinger();
        Extraction.Extracted ansi = extracted(capture(
                FingerPosition.RIGHT_INDEX,
                FingerprintFormat.ANSI_378,
                synthetic.ansi378Impression(finger, FingerPosition.RIGHT_INDEX)));
        Extraction.Extracted iso = extracted(capture(
                FingerPosition.RIGHT_INDEX,
                FingerprintFormat.ISO_19794_2,
                synthetic.impression(finger, FingerPosition.RIGHT_INDEX)));

        double score = new FingerprintComparison(List.of(ansi.prepared())).bestPerProbe(List.of(iso.prepared()))[0];

        assertThat(score).isGreaterThanOrEqualTo(40);
    }

    @Test
    void aTemplateOfTheOtherStandardThanDeclaredIsRefused() {
        byte[] iso = synthetic.impression(synthetic.newFinger(), FingerPosition.RIGHT_THUMB);

        assertThat(refusal(capture(FingerPosition.RIGHT_THUMB, FingerprintFormat.ANSI_378, iso)))
                .isEqualTo(ViolationCode.FINGER_TEMPLATE_UNREADABLE);
    }

    @Test
    void truncatedAndForeignTemplatesAreRefused() {
        byte[] iso = synthetic.impression(synthetic.newFinger(), FingerPosition.RIGHT_THUMB);

        assertThat(refusal(capture(FingerPosition.RIGHT_THUMB, FingerprintFormat.ISO_19794_2, Arrays.copyOf(iso, 40))))
                .isEqualTo(ViolationCode.FINGER_TEMPLATE_UNREADABLE);
        assertThat(refusal(capture(FingerPosition.RIGHT_THUMB, FingerprintFormat.ISO_19794_2, new byte[] {1, 2, 3})))
                .isEqualTo(ViolationCode.FINGER_TEMPLATE_UNREADABLE);
    }

    @Test
    void aTemplateWithTwoFingerViewsIsRefused() {
        Iso19794p2v2005Template two = isoWithMinutiae(20);
        two.fingerprints.add(isoWithMinutiae(20).fingerprints.get(0));
        two.fingerprints.get(1).view = 1;

        assertThat(refusal(capture(FingerPosition.RIGHT_THUMB, FingerprintFormat.ISO_19794_2, two.toByteArray())))
                .isEqualTo(ViolationCode.FINGER_TEMPLATE_UNREADABLE);
    }

    @Test
    void aTemplateWithTooFewMinutiaeFailsTheQualityGate() {
        byte[] sparse = isoWithMinutiae(5).toByteArray();

        Extraction refused =
                extractor.extract(capture(FingerPosition.RIGHT_THUMB, FingerprintFormat.ISO_19794_2, sparse));

        assertThat(refused).isInstanceOfSatisfying(Extraction.Refused.class, r -> {
            assertThat(r.code()).isEqualTo(ViolationCode.FINGER_TOO_FEW_MINUTIAE);
            assertThat(r.message()).contains("has 5 minutiae").contains("at least 12");
        });
    }

    @Test
    void bytesThatAreNoImageAreUnreadable() {
        assertThat(refusal(capture(FingerPosition.RIGHT_THUMB, FingerprintFormat.PNG, "not an image".getBytes())))
                .isEqualTo(ViolationCode.FINGER_IMAGE_UNREADABLE);
        assertThat(refusal(capture(
                        FingerPosition.RIGHT_THUMB, FingerprintFormat.WSQ, new byte[] {(byte) 0xFF, (byte) 0xA0, 1, 2
                        })))
                .isEqualTo(ViolationCode.FINGER_IMAGE_UNREADABLE);
    }

    @Test
    void aBlankImageHasNoMinutiaeAndFailsTheQualityGate() throws IOException {
        BufferedImage blank = new BufferedImage(300, 300, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = blank.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 300, 300);
        g.dispose();

        assertThat(refusal(capture(FingerPosition.RIGHT_THUMB, FingerprintFormat.PNG, png(blank))))
                .isEqualTo(ViolationCode.FINGER_TOO_FEW_MINUTIAE);
    }

    @Test
    void aPngWhoseHeaderClaimsAGiganticPictureIsRefusedBeforeDecoding() throws IOException {
        byte[] bomb = pngHeaderOnly(100_000, 100_000);

        assertThat(ImageBounds.withinLimit(FingerprintFormat.PNG, bomb)).isFalse();
        assertThat(ImageBounds.withinLimit(FingerprintFormat.PNG, pngHeaderOnly(500, 600)))
                .isTrue();
        assertThat(refusal(capture(FingerPosition.RIGHT_THUMB, FingerprintFormat.PNG, bomb)))
                .isEqualTo(ViolationCode.FINGER_IMAGE_UNREADABLE);
    }

    private Extraction.Extracted extracted(CapturedFingerprint capture) {
        Extraction extraction = extractor.extract(capture);
        assertThat(extraction).isInstanceOf(Extraction.Extracted.class);
        return (Extraction.Extracted) extraction;
    }

    private ViolationCode refusal(CapturedFingerprint capture) {
        Extraction extraction = extractor.extract(capture);
        assertThat(extraction).isInstanceOf(Extraction.Refused.class);
        return ((Extraction.Refused) extraction).code();
    }

    private static CapturedFingerprint capture(FingerPosition position, FingerprintFormat format, byte[] data) {
        return new CapturedFingerprint(position, format, data, CapturedFingerprint.DEFAULT_DPI);
    }

    private static Iso19794p2v2005Template isoWithMinutiae(int count) {
        Iso19794p2v2005Template template = new Iso19794p2v2005Template();
        template.width = 400;
        template.height = 500;
        template.resolutionX = 197;
        template.resolutionY = 197;
        Iso19794p2v2005Fingerprint finger = new Iso19794p2v2005Fingerprint();
        finger.position = Iso19794p2v2005Position.RIGHT_THUMB;
        finger.scanType = Iso19794p2v2005ScanType.LIVE_PLAIN;
        finger.quality = 60;
        finger.minutiae = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Iso19794p2v2005Minutia minutia = new Iso19794p2v2005Minutia();
            minutia.type = Iso19794p2v2005MinutiaType.ENDING;
            minutia.positionX = 40 + (i * 37) % 320;
            minutia.positionY = 40 + (i * 53) % 420;
            minutia.angle = (i * 29) % 256;
            minutia.quality = 60;
            finger.minutiae.add(minutia);
        }
        template.fingerprints = new ArrayList<>(List.of(finger));
        return template;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** A PNG signature and an IHDR chunk claiming the given size; no pixel data follows. */
    private static byte[] pngHeaderOnly(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(out);
        data.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(chunk);
        header.write(new byte[] {'I', 'H', 'D', 'R'});
        header.writeInt(width);
        header.writeInt(height);
        header.write(new byte[] {8, 0, 0, 0, 0}); // 8-bit grayscale, deflate, no filter, no interlace
        byte[] typeAndBody = chunk.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(typeAndBody);
        data.writeInt(typeAndBody.length - 4);
        data.write(typeAndBody);
        data.writeInt((int) crc.getValue());
        return out.toByteArray();
    }
}
