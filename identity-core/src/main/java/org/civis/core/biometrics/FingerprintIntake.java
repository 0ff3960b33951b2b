package org.civis.core.biometrics;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.civis.core.refusal.RegistryError;
import org.civis.core.refusal.Result;
import org.civis.core.schema.FieldSpec;
import org.civis.core.schema.FieldType;
import org.civis.core.schema.FingerprintFormat;
import org.civis.core.schema.IdSchema;
import org.civis.core.schema.JsonPointer;
import org.civis.core.schema.Violation;

/**
 * Takes the fingerprints out of a schema-valid identity document: every finger extracted in
 * parallel, every unusable one reported with its own path and code, and the document rewritten to
 * hold templates instead of images unless the authority keeps images.
 */
public final class FingerprintIntake {
    private final List<String> fingerprintFields;
    private final FingerprintExtractor extractor;
    private final BiometricWorkers workers;
    private final boolean keepImages;

    public FingerprintIntake(
            IdSchema schema, FingerprintExtractor extractor, BiometricWorkers workers, boolean keepImages) {
        this.fingerprintFields = schema.fields().stream()
                .filter(field -> field.type() == FieldType.FINGERPRINTS)
                .map(FieldSpec::name)
                .toList();
        this.extractor = extractor;
        this.workers = workers;
        this.keepImages = keepImages;
    }

    /**
     * @param identity the document to store, with templates in place of images (or as sent)
     * @param stored the fingers to write to fingerprint_templates
     * @param prepared the same fingers ready to compare
     */
    public record Accepted(JsonObject identity, List<EnrolledFingerprint> stored, List<PreparedFingerprint> prepared) {
        public boolean hasFingerprints() {
            return !stored.isEmpty();
        }
    }

    /** Whether a set of changes to an identity sets or removes fingerprints. */
    public boolean touchesFingerprints(JsonObject changes) {
        return fingerprintFields.stream().anyMatch(changes::containsKey);
    }

    /**
     * Extracts every finger of an already schema-valid document; refuses with VALIDATION_FAILED,
     * one violation per unusable finger.
     */
    public Future<Result<Accepted>> accept(JsonObject identity, String basePath) {
        List<Located> captures = captures(identity, basePath);
        List<Future<FingerprintExtractor.Extraction>> extractions = captures.stream()
                .map(located -> workers.submit(() -> extractor.extract(located.capture())))
                .toList();
        return Future.all(extractions).compose(done -> {
            List<Violation> violations = new ArrayList<>();
            List<EnrolledFingerprint> stored = new ArrayList<>();
            List<PreparedFingerprint> prepared = new ArrayList<>();
            JsonObject rewritten = identity.copy();
            for (int i = 0; i < captures.size(); i++) {
                Located located = captures.get(i);
                FingerprintExtractor.Extraction extraction = extractions.get(i).result();
                if (extraction instanceof FingerprintExtractor.Extraction.Refused refused) {
                    violations.add(new Violation(
                            JsonPointer.child(located.path(), "data"), refused.code(), refused.message()));
                } else if (extraction instanceof FingerprintExtractor.Extraction.Extracted extracted) {
                    stored.add(extracted.stored());
                    prepared.add(extracted.prepared());
                    if (!keepImages) {
                        rewritten.getJsonArray(located.field()).set(located.index(), templateEntry(extracted.stored()));
                    }
                }
            }
            if (!violations.isEmpty()) {
                return Result.refuseNow(
                        RegistryError.VALIDATION_FAILED, "some fingerprints cannot be used", violations);
            }
            return Result.acceptNow(new Accepted(rewritten, stored, prepared));
        });
    }

    private List<Located> captures(JsonObject identity, String basePath) {
        List<Located> captures = new ArrayList<>();
        for (String field : fingerprintFields) {
            JsonArray entries = identity.getJsonArray(field);
            if (entries == null) {
                continue;
            }
            for (int i = 0; i < entries.size(); i++) {
                CapturedFingerprint capture = CapturedFingerprint.fromJson(entries.getJsonObject(i));
                captures.add(new Located(field, i, JsonPointer.child(JsonPointer.child(basePath, field), i), capture));
            }
        }
        return captures;
    }

    private static JsonObject templateEntry(EnrolledFingerprint finger) {
        return new JsonObject()
                .put("position", finger.position().name())
                .put("format", FingerprintFormat.ISO_19794_2.jsonName())
                .put("data", Base64.getEncoder().encodeToString(finger.isoTemplate()));
    }

    private record Located(String field, int index, String path, CapturedFingerprint capture) {}
}
