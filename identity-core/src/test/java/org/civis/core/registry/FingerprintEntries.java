package org.civis.core.registry;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Base64;
import org.civis.core.biometrics.synthetic.SyntheticFinger;
import org.civis.core.biometrics.synthetic.SyntheticFingerprints;
import org.civis.core.schema.FingerPosition;

/** Fingerprint entries in the shape enrollment and authentication take them. */
public final class FingerprintEntries {
    private FingerprintEntries() {}

    public static JsonObject iso(FingerPosition position, byte[] template) {
        return entry(position, "iso19794-2", template);
    }

    public static JsonObject entry(FingerPosition position, String format, byte[] data) {
        return new JsonObject()
                .put("position", position.name())
                .put("format", format)
                .put("data", Base64.getEncoder().encodeToString(data));
    }

    /** {@code identity} with a fresh impression of {@code finger} at {@code position} as its one fingerprint. */
    public static JsonObject withImpression(
            JsonObject identity, SyntheticFingerprints synthetic, SyntheticFinger finger, FingerPosition position) {
        return identity.put("fingerprints", of(iso(position, synthetic.impression(finger, position))));
    }

    public static JsonArray of(JsonObject... entries) {
        JsonArray array = new JsonArray();
        for (JsonObject entry : entries) {
            array.add(entry);
        }
        return array;
    }
}
