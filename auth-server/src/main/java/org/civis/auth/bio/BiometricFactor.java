package org.civis.auth.bio;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civis.auth.refusal.AuthError;
import org.civis.auth.refusal.Parsed;
import org.civis.core.biometrics.CapturedFingerprint;
import org.civis.core.schema.FingerprintEnvelope;
import org.civis.core.schema.Violation;

/**
 * The {@code biometrics} factor: {@code fingerprints} in the enrollment shape
 * ({@code [{"position", "format", "data", "dpi"}]}), and {@code face} or {@code iris} as
 * {@code [{"format", "data"}]} for a plugged-in matcher. Refuses a malformed factor with
 * REQUEST_INVALID naming the member, or the object holding it when the member is not one of ours.
 */
public record BiometricFactor(List<CapturedFingerprint> fingerprints, Map<Modality, List<BiometricSample>> others) {
    /** Per presented sample, as for enrollment: a rolled ten-print finger at 1000 dpi fits. */
    static final int MAX_SAMPLE_BYTES = 1024 * 1024;

    private static final int MAX_OTHER_SAMPLES = 4;
    private static final String PATH = "factors.biometrics";

    public BiometricFactor {
        fingerprints = List.copyOf(fingerprints);
        others = Map.copyOf(others);
    }

    /** The factor, or REQUEST_INVALID naming the first member found malformed. */
    public static Parsed<BiometricFactor> read(Object raw) {
        if (!(raw instanceof JsonObject factor) || factor.isEmpty()) {
            return Parsed.invalid(AuthError.REQUEST_INVALID, PATH);
        }
        List<CapturedFingerprint> fingerprints = List.of();
        Map<Modality, List<BiometricSample>> others = new EnumMap<>(Modality.class);
        for (String name : factor.fieldNames()) {
            Optional<Modality> modality = modality(name);
            if (modality.isEmpty()) {
                // An unknown modality is named by the object that holds it: its name is the client's text.
                return Parsed.invalid(AuthError.REQUEST_INVALID, PATH);
            }
            Optional<String> fault;
            if (modality.get() == Modality.FINGERPRINTS) {
                fault = fingerprintsFault(factor.getValue(name));
                if (fault.isEmpty()) {
                    fingerprints = fingerprints((JsonArray) factor.getValue(name));
                }
            } else {
                List<BiometricSample> samples = new ArrayList<>();
                fault = samples(factor.getValue(name), PATH + "." + name, samples);
                others.put(modality.get(), samples);
            }
            if (fault.isPresent()) {
                return Parsed.invalid(AuthError.REQUEST_INVALID, fault.get());
            }
        }
        return Parsed.of(new BiometricFactor(fingerprints, others));
    }

    /** The field of the first fault in the fingerprints, if any. */
    private static Optional<String> fingerprintsFault(Object value) {
        // The same checks as enrollment's, so a capture client sends one shape everywhere.
        List<Violation> violations = FingerprintEnvelope.check(value, "", MAX_SAMPLE_BYTES);
        return violations.isEmpty()
                ? Optional.empty()
                : Optional.of(PATH + ".fingerprints" + violations.get(0).path().replace('/', '.'));
    }

    private static List<CapturedFingerprint> fingerprints(JsonArray value) {
        List<CapturedFingerprint> captures = new ArrayList<>();
        value.forEach(entry -> captures.add(CapturedFingerprint.fromJson((JsonObject) entry)));
        return captures;
    }

    /** Reads the samples into {@code samples}; the field of the first fault, if any. */
    private static Optional<String> samples(Object value, String path, List<BiometricSample> samples) {
        if (!(value instanceof JsonArray array) || array.isEmpty() || array.size() > MAX_OTHER_SAMPLES) {
            return Optional.of(path);
        }
        for (int i = 0; i < array.size(); i++) {
            String at = path + "." + i;
            if (!(array.getValue(i) instanceof JsonObject entry)
                    || !(entry.getValue("format") instanceof String format)
                    || !(entry.getValue("data") instanceof String data)
                    || entry.size() != 2
                    || data.length() > 4L * (MAX_SAMPLE_BYTES + 2) / 3) {
                return Optional.of(at);
            }
            try {
                samples.add(new BiometricSample(format, Base64.getDecoder().decode(data)));
            } catch (IllegalArgumentException notBase64) {
                return Optional.of(at + ".data");
            }
        }
        return Optional.empty();
    }

    private static Optional<Modality> modality(String name) {
        return Arrays.stream(Modality.values())
                .filter(modality -> modality.jsonName().equals(name))
                .findFirst();
    }

    @Override
    public String toString() {
        return "BiometricFactor[fingers=" + fingerprints.size() + ", others=" + others.keySet() + "]";
    }
}
