package org.civis.core.schema;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Captured fingerprints: an array of 1 to 10 entries
 * {@code {"position": P, "format": F, "data": "<base64>", "dpi": 500}}, at most one per finger.
 * Only the envelope is checked here; image quality and template decoding are the biometric subsystem's job.
 */
final class FingerprintsFieldCheck implements FieldCheck {

    static final int MAX_FINGERPRINTS = 10;
    private static final int MIN_DPI = 250;
    private static final int MAX_DPI = 1000;

    private static final Set<String> MEMBERS = Set.of("position", "format", "data", "dpi");
    private static final String POSITION_NAMES = Arrays.toString(FingerPosition.values());
    private static final String FORMAT_NAMES = Arrays.stream(FingerprintFormat.values())
            .map(FingerprintFormat::jsonName)
            .toList()
            .toString();

    @Override
    public void check(FieldSpec spec, Object value, String path, ViolationCollector violations) {
        if (!(value instanceof JsonArray prints)) {
            violations.add(path, ViolationCode.FIELD_TYPE, "must be an array of fingerprint objects");
            return;
        }
        if (prints.isEmpty()) {
            violations.add(path, ViolationCode.FIELD_EMPTY, "must hold at least one fingerprint");
            return;
        }
        if (prints.size() > MAX_FINGERPRINTS) {
            violations.add(
                    path,
                    ViolationCode.FINGER_COUNT_EXCEEDED,
                    "must hold at most " + MAX_FINGERPRINTS + " fingerprints");
        }
        // Entries past the limit are not examined: the submission is rejected anyway, and this bounds
        // the decoding work a hostile request can cause.
        Set<FingerPosition> seen = EnumSet.noneOf(FingerPosition.class);
        for (int i = 0; i < Math.min(prints.size(), MAX_FINGERPRINTS); i++) {
            checkEntry(spec, prints.getValue(i), JsonPointer.child(path, i), seen, violations);
        }
    }

    private static void checkEntry(
            FieldSpec spec, Object value, String path, Set<FingerPosition> seen, ViolationCollector violations) {
        if (!(value instanceof JsonObject entry)) {
            violations.add(
                    path,
                    ViolationCode.FIELD_TYPE,
                    "must be an object with members position, format, data and optionally dpi");
            return;
        }
        ObjectMembers.reportUnknown(entry, MEMBERS, path, violations);
        checkPosition(entry, path, seen, violations);
        checkFormat(entry, path, violations);
        checkDpi(entry, path, violations);
        checkData(spec, entry, path, violations);
    }

    private static void checkPosition(
            JsonObject entry, String path, Set<FingerPosition> seen, ViolationCollector violations) {
        String name = ObjectMembers.requiredString(entry, "position", path, violations);
        if (name == null) {
            return;
        }
        String positionPath = JsonPointer.child(path, "position");
        Optional<FingerPosition> position = FingerPosition.fromName(name);
        if (position.isEmpty()) {
            violations.add(positionPath, ViolationCode.FINGER_POSITION_INVALID, "must be one of " + POSITION_NAMES);
        } else if (position.get() != FingerPosition.UNKNOWN && !seen.add(position.get())) {
            // UNKNOWN may repeat: an operator who cannot tell the fingers apart must still capture them all.
            violations.add(
                    positionPath,
                    ViolationCode.FINGER_POSITION_DUPLICATE,
                    "must not name a finger already given by an earlier entry");
        }
    }

    private static void checkFormat(JsonObject entry, String path, ViolationCollector violations) {
        String name = ObjectMembers.requiredString(entry, "format", path, violations);
        if (name != null && FingerprintFormat.fromJsonName(name).isEmpty()) {
            violations.add(
                    JsonPointer.child(path, "format"),
                    ViolationCode.FINGER_FORMAT_NOT_ALLOWED,
                    "must be one of " + FORMAT_NAMES);
        }
    }

    private static void checkDpi(JsonObject entry, String path, ViolationCollector violations) {
        Object dpi = entry.getValue("dpi");
        if (dpi == null) {
            return;
        }
        String dpiPath = JsonPointer.child(path, "dpi");
        BigInteger whole = wholeNumber(dpi);
        if (whole == null) {
            violations.add(dpiPath, ViolationCode.FIELD_TYPE, "must be a whole number");
        } else if (whole.compareTo(BigInteger.valueOf(MIN_DPI)) < 0
                || whole.compareTo(BigInteger.valueOf(MAX_DPI)) > 0) {
            violations.add(
                    dpiPath, ViolationCode.FINGER_DPI_OUT_OF_RANGE, "must be between " + MIN_DPI + " and " + MAX_DPI);
        }
    }

    /** The value as an integer if JSON parsing produced an integral type, else null (500.5, "500", true). */
    private static BigInteger wholeNumber(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigInteger.valueOf(((Number) value).longValue());
        }
        return value instanceof BigInteger big ? big : null;
    }

    private static void checkData(FieldSpec spec, JsonObject entry, String path, ViolationCollector violations) {
        String encoded = ObjectMembers.requiredString(entry, "data", path, violations);
        if (encoded == null) {
            return;
        }
        String dataPath = JsonPointer.child(path, "data");
        if (encoded.isEmpty()) {
            violations.add(dataPath, ViolationCode.FIELD_EMPTY, "must not be empty");
            return;
        }
        switch (Base64Payload.decode(encoded, spec.maxBytes()).status()) {
            case INVALID ->
                violations.add(
                        dataPath,
                        ViolationCode.FINGER_DATA_INVALID,
                        "must be standard base64 (RFC 4648 section 4) without line breaks");
            case TOO_LARGE ->
                violations.add(
                        dataPath,
                        ViolationCode.FINGER_DATA_TOO_LARGE,
                        "must be at most " + spec.maxBytes() + " bytes once decoded");
            case DECODED -> {
                // Format-specific checks of the payload are deliberately left to the biometric subsystem.
            }
        }
    }
}
