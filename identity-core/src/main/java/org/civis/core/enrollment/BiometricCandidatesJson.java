package org.civis.core.enrollment;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.civis.core.biometrics.BiometricCandidate;
import org.civis.core.id.Uin;
import org.civis.core.schema.FingerPosition;

/** The biometric_candidates column: fingerprint candidates of a parked enrollment, as JSON. */
final class BiometricCandidatesJson {
    private BiometricCandidatesJson() {}

    static JsonArray encode(List<BiometricCandidate> candidates) {
        JsonArray array = new JsonArray();
        candidates.forEach(candidate -> array.add(new JsonObject()
                .put("uin", candidate.uin().value())
                .put("score", candidate.score())
                .put("position", candidate.position().name())));
        return array;
    }

    static List<BiometricCandidate> decode(JsonArray array) {
        if (array == null) {
            return List.of();
        }
        return array.stream()
                .map(JsonObject.class::cast)
                .map(entry -> new BiometricCandidate(
                        new Uin(entry.getString("uin")),
                        entry.getDouble("score"),
                        FingerPosition.valueOf(entry.getString("position"))))
                .toList();
    }
}
