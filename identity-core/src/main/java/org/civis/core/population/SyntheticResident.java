package org.civis.core.population;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.civis.core.biometrics.synthetic.SyntheticFinger;
import org.civis.core.biometrics.synthetic.SyntheticFingerprints;
import org.civis.core.schema.FingerPosition;

/**
 * One made-up resident. {@code fullName} holds the name in the resident's language and often an
 * English transliteration too, as registers of multilingual countries do.
 *
 * @param language the resident's language, one of the default schema's
 * @param fingerSeed seeds the resident's fingers: masters to enroll, impressions to present
 */
public record SyntheticResident(
        long index,
        String language,
        String gender,
        JsonObject fullName,
        String dateOfBirth,
        String phone,
        Optional<String> email,
        long fingerSeed) {

    /** The fingers a seeded resident enrolls, and presents at a fingerprint authentication. */
    public static final List<FingerPosition> FINGERS = List.of(FingerPosition.RIGHT_INDEX, FingerPosition.LEFT_INDEX);

    public SyntheticResident {
        fullName = fullName.copy();
    }

    @Override
    public JsonObject fullName() {
        return fullName.copy();
    }

    /** The name as written in the resident's own language. */
    public String name() {
        return fullName.getString(language);
    }

    /** The identity document to enroll, with fingerprint masters as ISO/IEC 19794-2 records when asked. */
    public JsonObject identity(boolean withFingerprints) {
        JsonObject identity = new JsonObject()
                .put("fullName", fullName.copy())
                .put("dateOfBirth", dateOfBirth)
                .put("gender", gender)
                .put("phone", phone);
        email.ifPresent(address -> identity.put("email", address));
        if (withFingerprints) {
            SyntheticFingerprints source = new SyntheticFingerprints(fingerSeed);
            JsonArray fingers = new JsonArray();
            for (FingerPosition position : FINGERS) {
                fingers.add(entry(position, source.master(source.newFinger(), position)));
            }
            identity.put("fingerprints", fingers);
        }
        return identity;
    }

    /**
     * Fresh impressions of the resident's enrolled fingers, as a scanner would take them: the
     * {@code attempt} seeds the perturbation, so attempts differ and each is repeatable.
     */
    public JsonArray fingerprintProbe(long attempt) {
        SyntheticFingerprints masters = new SyntheticFingerprints(fingerSeed);
        SyntheticFingerprints scanner = new SyntheticFingerprints(SyntheticPopulation.mix(fingerSeed, attempt));
        JsonArray fingers = new JsonArray();
        for (FingerPosition position : FINGERS) {
            SyntheticFinger finger = masters.newFinger();
            fingers.add(entry(position, scanner.impression(finger, position)));
        }
        return fingers;
    }

    private static JsonObject entry(FingerPosition position, byte[] iso) {
        return new JsonObject()
                .put("position", position.name())
                .put("format", "iso19794-2")
                .put("data", Base64.getEncoder().encodeToString(iso));
    }
}
