package org.civis.auth.demo;

import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.civis.core.schema.FieldSpec;
import org.civis.core.schema.FieldType;
import org.civis.core.schema.IdSchema;

/**
 * The enrolled side of demographic matching, prepared once per identity: every demographic field in
 * its normalized form and, for the name field, the Beider-Morse codes of each token, since encoding is
 * too slow to repeat on every request. The cache keeps it sealed as bytes ({@link #toBytes()}), so it
 * holds only what matching and one-time passwords need. Immutable.
 */
public final class MatchData {

    private final String nameField;
    /** Field → language ({@link FieldNormalizer#NO_LANGUAGE} for single-valued fields) → normalized form. */
    private final Map<String, Map<String, String>> forms;
    /** Language → the codes of each token of the name field, aligned with its tokens. */
    private final Map<String, List<Set<String>>> nameCodes;

    private final String phone;
    private final String email;

    MatchData(
            String nameField,
            Map<String, Map<String, String>> forms,
            Map<String, List<Set<String>>> nameCodes,
            String phone,
            String email) {
        this.nameField = Objects.requireNonNull(nameField, "nameField");
        Map<String, Map<String, String>> formsCopy = new LinkedHashMap<>();
        forms.forEach((field, byLanguage) ->
                formsCopy.put(field, Collections.unmodifiableMap(new LinkedHashMap<>(byLanguage))));
        this.forms = Collections.unmodifiableMap(formsCopy);
        Map<String, List<Set<String>>> codesCopy = new LinkedHashMap<>();
        nameCodes.forEach((language, codes) ->
                codesCopy.put(language, codes.stream().map(Set::copyOf).toList()));
        this.nameCodes = Collections.unmodifiableMap(codesCopy);
        this.phone = phone;
        this.email = email;
        // Checked here so that no MatchData, whether built or decoded, can lack the codes of a name token.
        Map<String, String> names = this.forms.getOrDefault(nameField, Map.of());
        if (!names.keySet().equals(this.nameCodes.keySet())) {
            throw new IllegalArgumentException("the name codes must cover exactly the languages of the name");
        }
        names.forEach((language, name) -> {
            if (FieldNormalizer.tokens(name).size()
                    != this.nameCodes.get(language).size()) {
                throw new IllegalArgumentException("the name codes must match the name's tokens one to one");
            }
        });
    }

    /**
     * Prepares an identity for matching. Fields that are not in the schema, and images and fingerprints,
     * are left out.
     *
     * @param identityFields the identity's fields as enrolled, which the schema validator accepted
     * @throws IllegalArgumentException when a field's value has the wrong JSON type for the schema; the
     *                                  message names the field, not the value
     */
    public static MatchData of(IdSchema schema, JsonObject identityFields) {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(identityFields, "identityFields");
        String nameField = schema.deduplication().name();
        Map<String, Map<String, String>> forms = new LinkedHashMap<>();
        Map<String, List<Set<String>>> nameCodes = new LinkedHashMap<>();
        String phone = null;
        String email = null;
        for (FieldSpec spec : schema.fields()) {
            Object value = identityFields.getValue(spec.name());
            if (value == null || !FieldNormalizer.isDemographic(spec.type())) {
                continue;
            }
            boolean isName = spec.name().equals(nameField);
            Map<String, String> normalized = FieldNormalizer.normalize(spec, isName, value)
                    .orElseThrow(() -> new IllegalArgumentException("enrolled field '" + spec.name()
                            + "' is not of type " + spec.type().jsonName()));
            forms.put(spec.name(), normalized);
            if (isName) {
                normalized.forEach((language, name) ->
                        nameCodes.put(language, PhoneticCodes.of(FieldNormalizer.tokens(name), language)));
            }
            // The first field of each contact type that the identity has is where one-time passwords go.
            if (spec.type() == FieldType.PHONE && phone == null) {
                phone = (String) value;
            } else if (spec.type() == FieldType.EMAIL && email == null) {
                email = (String) value;
            }
        }
        return new MatchData(nameField, forms, nameCodes, phone, email);
    }

    /** Reads what {@link #toBytes()} wrote. @throws IllegalArgumentException for anything else */
    public static MatchData fromBytes(byte[] bytes) {
        return MatchDataCodec.decode(Objects.requireNonNull(bytes, "bytes"));
    }

    /** A compact, versioned binary form for the cache. */
    public byte[] toBytes() {
        return MatchDataCodec.encode(this);
    }

    /** The phone number as enrolled (E.164), for sending one-time passwords. */
    public Optional<String> phone() {
        return Optional.ofNullable(phone);
    }

    /** The e-mail address as enrolled, for sending one-time passwords. */
    public Optional<String> email() {
        return Optional.ofNullable(email);
    }

    String nameField() {
        return nameField;
    }

    Map<String, Map<String, String>> forms() {
        return forms;
    }

    Map<String, List<Set<String>>> nameCodes() {
        return nameCodes;
    }

    /** The field's normalized forms by language; empty when the identity lacks the field. */
    Map<String, String> forms(String field) {
        return forms.getOrDefault(field, Map.of());
    }

    /**
     * The codes of each token of the field in that language: precomputed for the name field this was
     * prepared with, computed now for another (only after the schema's name field changed).
     */
    List<Set<String>> phoneticCodes(String field, String language) {
        if (field.equals(nameField)) {
            return nameCodes.getOrDefault(language, List.of());
        }
        String value = forms(field).get(language);
        return value == null ? List.of() : PhoneticCodes.of(FieldNormalizer.tokens(value), language);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MatchData that
                && nameField.equals(that.nameField)
                && forms.equals(that.forms)
                && nameCodes.equals(that.nameCodes)
                && Objects.equals(phone, that.phone)
                && Objects.equals(email, that.email);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nameField, forms, nameCodes, phone, email);
    }

    /** Names the fields held, never their values, which are personal data. */
    @Override
    public String toString() {
        return "MatchData[fields=" + forms.keySet() + "]";
    }
}
