package org.civis.verifier.claims;

import java.time.LocalDate;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.civis.verifier.spec.Claim169Field;

/**
 * The identity data of a Claim 169 credential, by field. Text, code and biometric fields are kept
 * by their {@link Claim169Field}; the photo's bytes and the date of birth have their own accessors.
 * Keys the spec does not assign are kept as {@code otherFields} (JSON-friendly values).
 *
 * <p>toString never prints personal data.
 */
public final class Claim169 {
    private final Map<Claim169Field, String> texts;
    private final Map<Claim169Field, Long> codes;
    private final byte[] photo;
    private final List<Long> bestQualityFingers;
    private final Map<Claim169Field, List<Biometric>> biometrics;
    private final Map<String, Object> otherFields;

    /** Built by the SDK's Claim 169 reader; the maps are copied. {@code photo} may be null (absent). */
    public Claim169(
            Map<Claim169Field, String> texts,
            Map<Claim169Field, Long> codes,
            byte[] photo,
            List<Long> bestQualityFingers,
            Map<Claim169Field, List<Biometric>> biometrics,
            Map<String, Object> otherFields) {
        this.texts = copy(texts);
        this.codes = copy(codes);
        this.photo = photo == null ? null : photo.clone();
        this.bestQualityFingers = List.copyOf(bestQualityFingers);
        this.biometrics = copy(biometrics);
        this.otherFields = Map.copyOf(otherFields);
    }

    private static <V> Map<Claim169Field, V> copy(Map<Claim169Field, V> map) {
        return map.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(map));
    }

    /** A text field (shape TEXT) as written by the issuer. */
    public Optional<String> text(Claim169Field field) {
        return Optional.ofNullable(texts.get(field));
    }

    /** A coded field (shape INT): gender, marital status, photo format. */
    public Optional<Long> code(Claim169Field field) {
        return Optional.ofNullable(codes.get(field));
    }

    public Optional<String> id() {
        return text(Claim169Field.ID);
    }

    public Optional<String> fullName() {
        return text(Claim169Field.FULL_NAME);
    }

    /** The date of birth if it is {@code YYYYMMDD} (the spec) or {@code YYYY-MM-DD} (seen in the field). */
    public Optional<LocalDate> dateOfBirth() {
        return text(Claim169Field.DATE_OF_BIRTH).flatMap(DateOfBirth::parse);
    }

    public Optional<Long> gender() {
        return code(Claim169Field.GENDER);
    }

    public Optional<byte[]> photo() {
        return Optional.ofNullable(photo).map(byte[]::clone);
    }

    public List<Long> bestQualityFingers() {
        return bestQualityFingers;
    }

    /** Entries of a biometric field (shape BIOMETRICS); empty when absent. */
    public List<Biometric> biometrics(Claim169Field field) {
        return biometrics.getOrDefault(field, List.of());
    }

    public List<Biometric> face() {
        return biometrics(Claim169Field.FACE);
    }

    public Map<String, Object> otherFields() {
        return otherFields;
    }

    /**
     * The record as a report shows it: spec names ({@link Claim169Field#jsonName()}), key order of
     * the spec, photo and biometric data in base64, the date of birth as {@code YYYY-MM-DD} when it
     * parses, other keys under their number.
     */
    public Map<String, Object> toJson() {
        Base64.Encoder base64 = Base64.getEncoder();
        Map<String, Object> json = new LinkedHashMap<>();
        for (Claim169Field field : Claim169Field.values()) {
            if (field == Claim169Field.DATE_OF_BIRTH && texts.containsKey(field)) {
                json.put(
                        field.jsonName(), dateOfBirth().map(LocalDate::toString).orElse(texts.get(field)));
            } else if (texts.containsKey(field)) {
                json.put(field.jsonName(), texts.get(field));
            } else if (codes.containsKey(field)) {
                json.put(field.jsonName(), codes.get(field));
            } else if (field == Claim169Field.PHOTO && photo != null) {
                json.put(field.jsonName(), base64.encodeToString(photo));
            } else if (field == Claim169Field.BEST_QUALITY_FINGERS && !bestQualityFingers.isEmpty()) {
                json.put(field.jsonName(), bestQualityFingers);
            } else if (biometrics.containsKey(field)) {
                json.put(
                        field.jsonName(),
                        biometrics.get(field).stream()
                                .map(b -> biometricJson(b, base64))
                                .toList());
            }
        }
        json.putAll(otherFields);
        return json;
    }

    private static Map<String, Object> biometricJson(Biometric biometric, Base64.Encoder base64) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("data", base64.encodeToString(biometric.data()));
        biometric.format().ifPresent(f -> json.put("format", f));
        biometric.subFormat().ifPresent(f -> json.put("subFormat", f));
        biometric.issuer().ifPresent(i -> json.put("issuer", i));
        return json;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Claim169 c && toJson().equals(c.toJson());
    }

    @Override
    public int hashCode() {
        return Objects.hash(toJson());
    }

    @Override
    public String toString() {
        return "Claim169[" + (texts.size() + codes.size()) + " demographic fields, photo=" + (photo != null)
                + ", biometric fields=" + biometrics.keySet() + "]";
    }
}
