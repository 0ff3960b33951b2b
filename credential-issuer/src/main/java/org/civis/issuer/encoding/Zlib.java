package org.civis.issuer.encoding;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * DEFLATE in the zlib wrapper (RFC 1950), at the best compression: what Claim 169 applies before
 * Base45 and what the Token Status List applies to its byte array.
 */
public final class Zlib {
    private Zlib() {}

    public static byte[] compress(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION); // zlib header and Adler-32 trailer
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /**
     * Inflates {@code data}, refusing to produce more than {@code maxBytes}: the input may come from
     * elsewhere (a status list being checked), and a small zlib stream can expand enormously.
     *
     * @throws IllegalArgumentException if the data is not a complete zlib stream or inflates past the limit
     */
    public static byte[] decompress(byte[] data, int maxBytes) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("truncated zlib stream");
                }
                if (out.size() + n > maxBytes) {
                    throw new IllegalArgumentException("zlib stream inflates past " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("not a zlib stream", e);
        } finally {
            inflater.end();
        }
    }
}
