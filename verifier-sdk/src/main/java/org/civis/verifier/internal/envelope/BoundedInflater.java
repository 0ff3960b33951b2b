package org.civis.verifier.internal.envelope;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.civis.verifier.internal.Step;
import org.civis.verifier.verdict.ErrorCode;

/**
 * zlib (RFC 1950) inflation that stops at a byte limit, so a small QR code cannot expand into
 * gigabytes. The stream must be complete and alone: trailing bytes would be data nobody signed.
 */
public final class BoundedInflater {
    private BoundedInflater() {}

    /** True when the first two bytes form a zlib header with the deflate method. */
    static boolean looksLikeZlib(byte[] data) {
        if (data.length < 2) {
            return false;
        }
        int cmf = data[0] & 0xff;
        int flg = data[1] & 0xff;
        return (cmf & 0x0f) == 8 && (cmf >> 4) <= 7 && ((cmf << 8) | flg) % 31 == 0;
    }

    public static Step<byte[]> inflate(byte[] compressed, int maxBytes) {
        if (!looksLikeZlib(compressed)) {
            return Step.refuse(ErrorCode.ZLIB_INVALID, "not a zlib stream (bad header)");
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, compressed.length * 4 + 64));
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0) {
                    if (inflater.needsDictionary()) {
                        return Step.refuse(ErrorCode.ZLIB_INVALID, "zlib stream needs a preset dictionary");
                    }
                    if (inflater.needsInput()) {
                        return Step.refuse(ErrorCode.ZLIB_INVALID, "zlib stream is truncated");
                    }
                }
                if (out.size() + n > maxBytes) {
                    return Step.refuse(ErrorCode.ZLIB_TOO_LARGE, "inflates to more than " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
            if (inflater.getRemaining() > 0) {
                return Step.refuse(
                        ErrorCode.ZLIB_INVALID, inflater.getRemaining() + " bytes after the end of the zlib stream");
            }
            return Step.ok(out.toByteArray());
        } catch (DataFormatException e) {
            return Step.refuse(ErrorCode.ZLIB_INVALID, "corrupt zlib stream");
        } finally {
            inflater.end();
        }
    }
}
