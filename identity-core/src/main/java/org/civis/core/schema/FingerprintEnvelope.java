package org.civis.core.schema;

import java.util.List;

/**
 * The schema's check of a fingerprint array, for callers outside identity documents (an
 * authentication request presents fingers in the same shape as enrollment does).
 */
public final class FingerprintEnvelope {
    private static final FingerprintsFieldCheck CHECK = new FingerprintsFieldCheck();

    private FingerprintEnvelope() {}

    /** The violations of {@code value} as an array of fingerprint entries, each payload at most {@code maxBytes}. */
    public static List<Violation> check(Object value, String path, int maxBytes) {
        FieldSpec spec = new FieldSpec("fingerprints", FieldType.FINGERPRINTS, true, 0, List.of(), maxBytes);
        ViolationCollector violations = new ViolationCollector();
        CHECK.check(spec, value, path, violations);
        return violations.toList();
    }
}
