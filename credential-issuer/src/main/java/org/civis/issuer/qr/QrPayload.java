package org.civis.issuer.qr;

import org.apache.commons.codec.binary.Base45;
import org.civis.issuer.encoding.Zlib;

/**
 * What the QR carries, per Claim 169: the CWT, zlib-compressed, then Base45 (RFC 9285) so that the
 * text stays in QR's alphanumeric set.
 *
 * @param compressed the zlib stream
 * @param base45 the QR text
 */
public record QrPayload(byte[] compressed, String base45) {

    public QrPayload {
        compressed = compressed.clone();
    }

    public static QrPayload of(byte[] cwt) {
        byte[] compressed = Zlib.compress(cwt);
        return new QrPayload(compressed, new Base45().encodeToString(compressed));
    }

    /** Base45 length of {@code bytes} bytes: three characters per two bytes, two for an odd last byte. */
    public static int base45Length(int bytes) {
        return bytes / 2 * 3 + bytes % 2 * 2;
    }

    /** The most bytes whose Base45 form fits in {@code chars} characters. */
    public static int bytesFitting(int chars) {
        return chars / 3 * 2 + (chars % 3 == 2 ? 1 : 0);
    }

    @Override
    public byte[] compressed() {
        return compressed.clone();
    }
}
