package org.civis.core.biometrics;

import io.vertx.core.json.JsonObject;
import java.util.Base64;
import java.util.Objects;
import org.civis.core.schema.FingerPosition;
import org.civis.core.schema.FingerprintFormat;

/**
 * One finger as a capture device or an enrollment client sent it.
 *
 * @param dpi the image resolution; ignored for minutiae templates, which carry their own
 */
public record CapturedFingerprint(FingerPosition position, FingerprintFormat format, byte[] data, int dpi) {
    /** What scanners for ID enrollment produce, and what is assumed when a capture says nothing. */
    public static final int DEFAULT_DPI = 500;

    public CapturedFingerprint {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(data, "data");
    }

    /**
     * Reads an entry {@code {"position", "format", "data", "dpi"}} that the schema's fingerprint check
     * ({@link org.civis.core.schema.FingerprintEnvelope}) has already accepted.
     */
    public static CapturedFingerprint fromJson(JsonObject entry) {
        return new CapturedFingerprint(
                FingerPosition.fromName(entry.getString("position")).orElseThrow(),
                FingerprintFormat.fromJsonName(entry.getString("format")).orElseThrow(),
                Base64.getDecoder().decode(entry.getString("data")),
                entry.getInteger("dpi", DEFAULT_DPI));
    }

    boolean isTemplate() {
        return format == FingerprintFormat.ISO_19794_2 || format == FingerprintFormat.ANSI_378;
    }

    @Override
    public String toString() {
        return "CapturedFingerprint[" + position + ", " + format + ", " + data.length + " bytes]";
    }
}
