package org.civis.issuer.qr;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Mode;
import com.google.zxing.qrcode.decoder.Version;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.util.BitSet;
import java.util.Map;
import java.util.Optional;

/**
 * Base45 text to a QR symbol at error correction M (15% of the symbol can be lost), through ZXing's
 * encoder: the one {@code QRCodeWriter} runs, used directly so the version and mode come with the
 * modules without encoding twice. Base45's 45 characters are exactly QR's alphanumeric set, so the
 * symbol uses alphanumeric mode (5.5 bits a character); this is checked, not assumed.
 */
public final class QrEncoder {
    /** The largest symbol a credential may need: 137 modules, still readable by phone cameras on a card. */
    public static final int MAX_VERSION = 30;

    public static final ErrorCorrectionLevel ERROR_CORRECTION = ErrorCorrectionLevel.M;

    private QrEncoder() {}

    /**
     * The symbol for {@code base45}, or empty when the text does not fit any version at level M.
     *
     * @throws IllegalArgumentException if the text is not all in the alphanumeric set
     */
    public static Optional<QrSymbol> encode(String base45) {
        if (Encoder.chooseMode(base45) != Mode.ALPHANUMERIC) {
            throw new IllegalArgumentException("QR text must be all alphanumeric-mode characters (Base45)");
        }
        QRCode code;
        try {
            code = Encoder.encode(base45, ERROR_CORRECTION, Map.of(EncodeHintType.ERROR_CORRECTION, ERROR_CORRECTION));
        } catch (WriterException tooLong) {
            return Optional.empty();
        }
        if (code.getMode() != Mode.ALPHANUMERIC) {
            throw new IllegalStateException("ZXing chose " + code.getMode() + " mode for Base45 text");
        }
        ByteMatrix matrix = code.getMatrix();
        int size = matrix.getWidth();
        BitSet dark = new BitSet(size * size);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (matrix.get(x, y) == 1) {
                    dark.set(y * size + x);
                }
            }
        }
        return Optional.of(new QrSymbol(base45, code.getVersion().getVersionNumber(), size, dark));
    }

    /** How many alphanumeric characters a symbol of {@code version} holds at level M (ISO/IEC 18004 table 7). */
    public static int alphanumericCapacity(int version) {
        Version v = Version.getVersionForNumber(version);
        int dataBytes =
                v.getTotalCodewords() - v.getECBlocksForLevel(ERROR_CORRECTION).getTotalECCodewords();
        int bits = dataBytes * 8 - 4 - Mode.ALPHANUMERIC.getCharacterCountBits(v);
        return bits / 11 * 2 + (bits % 11 >= 6 ? 1 : 0);
    }
}
