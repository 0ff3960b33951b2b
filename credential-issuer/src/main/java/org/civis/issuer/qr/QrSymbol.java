package org.civis.issuer.qr;

import java.util.BitSet;

/**
 * A QR symbol: the text it holds, its version (size class 1-40) and its dark modules, without any
 * quiet zone (whoever draws it adds one).
 */
public final class QrSymbol {
    private final String text;
    private final int version;
    private final int size;
    private final BitSet dark;

    QrSymbol(String text, int version, int size, BitSet dark) {
        this.text = text;
        this.version = version;
        this.size = size;
        this.dark = (BitSet) dark.clone();
    }

    public String text() {
        return text;
    }

    /** 1-40; a version-v symbol is 17 + 4v modules wide. */
    public int version() {
        return version;
    }

    /** Modules per side. */
    public int size() {
        return size;
    }

    public boolean isDark(int x, int y) {
        if (x < 0 || y < 0 || x >= size || y >= size) {
            throw new IndexOutOfBoundsException("module " + x + "," + y + " outside a " + size + "-module symbol");
        }
        return dark.get(y * size + x);
    }

    @Override
    public String toString() {
        return "QrSymbol[version " + version + ", " + size + "x" + size + ", " + text.length() + " chars]";
    }
}
