package org.civis.core.biometrics.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.machinezoo.fingerprintio.ansi378v2004.Ansi378v2004Fingerprint;
import com.machinezoo.fingerprintio.ansi378v2004.Ansi378v2004Template;
import com.machinezoo.fingerprintio.iso19794p2v2005.Iso19794p2v2005Fingerprint;
import com.machinezoo.fingerprintio.iso19794p2v2005.Iso19794p2v2005Minutia;
import com.machinezoo.fingerprintio.iso19794p2v2005.Iso19794p2v2005Template;
import org.civis.core.schema.FingerPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SyntheticFingerprintsTest {

    /** Where the finger position code sits: right after the record header of each format. */
    private static final int ISO_POSITION_OFFSET = 24;

    private static final int ANSI_POSITION_OFFSET = 26;

    @Test
    void theSameSeedWritesTheSameBytes() {
        SyntheticFingerprints first = new SyntheticFingerprints(42);
        SyntheticFingerprints second = new SyntheticFingerprints(42);

        for (int i = 0; i < 5; i++) {
            SyntheticFinger a = first.newFinger();
            SyntheticFinger b = second.newFinger();

            assertThat(a).isEqualTo(b);
            assertThat(first.master(a, FingerPosition.LEFT_INDEX))
                    .isEqualTo(second.master(b, FingerPosition.LEFT_INDEX));
            assertThat(first.impression(a, FingerPosition.LEFT_INDEX))
                    .isEqualTo(second.impression(b, FingerPosition.LEFT_INDEX));
            assertThat(first.ansi378Impression(a, FingerPosition.RIGHT_THUMB))
                    .isEqualTo(second.ansi378Impression(b, FingerPosition.RIGHT_THUMB));
        }
    }

    @Test
    void differentSeedsMakeDifferentFingers() {
        SyntheticFinger a = new SyntheticFingerprints(1).newFinger();
        SyntheticFinger b = new SyntheticFingerprints(2).newFinger();

        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void twoImpressionsOfOneFingerDiffer() {
        SyntheticFingerprints fingerprints = new SyntheticFingerprints(7);
        SyntheticFinger finger = fingerprints.newFinger();

        byte[] first = fingerprints.impression(finger, FingerPosition.RIGHT_INDEX);
        byte[] second = fingerprints.impression(finger, FingerPosition.RIGHT_INDEX);

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void isoMasterParsesWithTheSensorGeometryPositionAndEveryMinutia() {
        SyntheticFingerprints fingerprints = new SyntheticFingerprints(3);
        SyntheticFinger finger = fingerprints.newFinger();

        Iso19794p2v2005Template record =
                new Iso19794p2v2005Template(fingerprints.master(finger, FingerPosition.RIGHT_MIDDLE));

        assertThat(record.width).isEqualTo(400);
        assertThat(record.height).isEqualTo(500);
        assertThat(record.resolutionX).isEqualTo(197);
        assertThat(record.resolutionY).isEqualTo(197);
        assertThat(record.fingerprints).hasSize(1);
        Iso19794p2v2005Fingerprint view = record.fingerprints.get(0);
        assertThat(view.position.name()).isEqualTo("RIGHT_MIDDLE");
        assertThat(view.minutiae).hasSize(finger.minutiae().size()).hasSizeBetween(30, 55);
    }

    @Test
    void isoImpressionParsesWithThePositionAndAPlausibleMinutiaeCount() {
        SyntheticFingerprints fingerprints = new SyntheticFingerprints(4);
        SyntheticFinger finger = fingerprints.newFinger();

        Iso19794p2v2005Template record =
                new Iso19794p2v2005Template(fingerprints.impression(finger, FingerPosition.LEFT_RING));

        Iso19794p2v2005Fingerprint view = record.fingerprints.get(0);
        assertThat(view.position.name()).isEqualTo("LEFT_RING");
        // Typical perturbation drops ~15% and adds up to 5, so the count stays near the master's.
        assertThat(view.minutiae)
                .hasSizeGreaterThan(finger.minutiae().size() / 2)
                .hasSizeLessThanOrEqualTo(finger.minutiae().size() + 5);
    }

    @Test
    void ansiImpressionParsesWithThePositionAndTwoDegreeAngles() {
        SyntheticFingerprints fingerprints = new SyntheticFingerprints(5);
        SyntheticFinger finger = fingerprints.newFinger();

        Ansi378v2004Template record =
                new Ansi378v2004Template(fingerprints.ansi378Impression(finger, FingerPosition.LEFT_THUMB));

        assertThat(record.resolutionX).isEqualTo(197);
        Ansi378v2004Fingerprint view = record.fingerprints.get(0);
        assertThat(view.position.name()).isEqualTo("LEFT_THUMB");
        assertThat(view.minutiae).isNotEmpty().allSatisfy(minutia -> assertThat(minutia.angle)
                .isBetween(0, 179));
    }

    @ParameterizedTest
    @EnumSource(FingerPosition.class)
    void everyPositionIsWrittenWithItsIsoCode(FingerPosition position) {
        SyntheticFingerprints fingerprints = new SyntheticFingerprints(6);
        SyntheticFinger finger = fingerprints.newFinger();

        byte[] iso = fingerprints.impression(finger, position);
        byte[] ansi = fingerprints.ansi378Impression(finger, position);

        assertThat(iso[ISO_POSITION_OFFSET]).isEqualTo((byte) position.isoCode());
        assertThat(ansi[ANSI_POSITION_OFFSET]).isEqualTo((byte) position.isoCode());
    }

    @Test
    void minutiaeShiftedOffTheSensorAreLeftOut() {
        SyntheticFingerprints fingerprints = new SyntheticFingerprints(8);
        Perturbation wild = new Perturbation(45, 200, 10, 20, 0, 0);

        for (int i = 0; i < 50; i++) {
            SyntheticFinger finger = fingerprints.newFinger();

            Iso19794p2v2005Template record =
                    new Iso19794p2v2005Template(fingerprints.impression(finger, FingerPosition.UNKNOWN, wild));

            for (Iso19794p2v2005Minutia minutia : record.fingerprints.get(0).minutiae) {
                assertThat(minutia.positionX).isBetween(0, 399);
                assertThat(minutia.positionY).isBetween(0, 499);
            }
        }
    }

    @Test
    void perturbationRefusesMoreSpuriousMinutiaeThanARecordCanCount() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Perturbation(8, 15, 2.5, 5, 0.15, 201));
        assertThatIllegalArgumentException().isThrownBy(() -> new Perturbation(8, 15, 2.5, 5, 1.5, 5));
        assertThatIllegalArgumentException().isThrownBy(() -> new Perturbation(-1, 15, 2.5, 5, 0.15, 5));
    }
}
