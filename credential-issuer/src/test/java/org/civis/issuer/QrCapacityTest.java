package org.civis.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import org.civis.issuer.qr.QrEncoder;
import org.civis.issuer.qr.QrPayload;
import org.junit.jupiter.api.Test;

/** The capacity arithmetic the photo budget rests on agrees with what ZXing actually encodes. */
class QrCapacityTest {

    @Test
    void version30AtLevelMHoldsExactlyItsAlphanumericCapacity() {
        int capacity = QrEncoder.alphanumericCapacity(QrEncoder.MAX_VERSION);
        assertThat(QrEncoder.encode("A".repeat(capacity)).orElseThrow().version())
                .isEqualTo(30);
        assertThat(QrEncoder.encode("A".repeat(capacity + 1)).orElseThrow().version())
                .isEqualTo(31);
    }

    @Test
    void base45LengthsMatchRfc9285() {
        assertThat(QrPayload.of(new byte[0]).base45()).isNotNull();
        assertThat(QrPayload.base45Length(2)).isEqualTo(3);
        assertThat(QrPayload.base45Length(3)).isEqualTo(5);
        for (int chars = 0; chars < 50; chars++) {
            int bytes = QrPayload.bytesFitting(chars);
            assertThat(QrPayload.base45Length(bytes)).isLessThanOrEqualTo(chars);
            assertThat(QrPayload.base45Length(bytes + 1)).isGreaterThan(chars);
        }
    }

    @Test
    void textOutsideTheAlphanumericSetIsRefused() {
        assertThat(QrEncoder.encode("ABC 123 $%*+-./:")).isPresent();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> QrEncoder.encode("abc"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
