package org.civis.core.schema;

import java.util.Optional;

/**
 * The encodings accepted for a captured fingerprint: raster images, WSQ-compressed images, and
 * ISO/IEC 19794-2 or ANSI/INCITS 378 minutiae templates.
 */
public enum FingerprintFormat {
    PNG("png"),
    JPEG("jpeg"),
    BMP("bmp"),
    TIFF("tiff"),
    WSQ("wsq"),
    ISO_19794_2("iso19794-2"),
    ANSI_378("ansi378");

    private final String jsonName;

    FingerprintFormat(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name of this format on the wire, e.g. {@code iso19794-2}. */
    public String jsonName() {
        return jsonName;
    }

    /** The format with exactly that wire name, or empty when there is none. */
    public static Optional<FingerprintFormat> fromJsonName(String jsonName) {
        for (FingerprintFormat format : values()) {
            if (format.jsonName.equals(jsonName)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
