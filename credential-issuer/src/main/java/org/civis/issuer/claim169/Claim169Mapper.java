package org.civis.issuer.claim169;

import com.upokecenter.cbor.CBORObject;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.civis.core.identity.Identity;
import org.civis.core.schema.FingerPosition;
import org.civis.core.schema.IdSchema;
import org.civis.issuer.photo.SourcePhoto;
import org.civis.verifier.spec.Claim169Codes;
import org.civis.verifier.spec.Claim169Field;

/**
 * An identity's fields as the Claim 169 map (MOSIP "169 - QR Code Specifications" v1.2.0, section
 * 3.1), integer keys only. Reads the default ID schema's field names; a field the identity lacks is
 * left out (every Claim 169 field is optional). Never puts biometric templates in: of the
 * fingerprints only their positions go in, as field 18.
 */
public final class Claim169Mapper {
    static final String FULL_NAME = "fullName";
    static final String DATE_OF_BIRTH = "dateOfBirth";
    static final String GENDER = "gender";
    static final String ADDRESS = "address";
    static final String EMAIL = "email";
    static final String PHONE = "phone";
    static final String NATIONALITY = "nationality";
    static final String PHOTO = "photo";
    static final String FINGERPRINTS = "fingerprints";

    private final List<String> languages;

    /** @param schema its language order decides which name is primary and which secondary */
    public Claim169Mapper(IdSchema schema) {
        this.languages = schema.languages();
    }

    /** Every field but the photo, which the issuer adds once it is small enough ({@link #withPhoto}). */
    public CBORObject demographics(Identity identity) {
        JsonObject fields = identity.fields();
        CBORObject claims = CBORObject.NewMap();
        put(claims, Claim169Field.ID, identity.uin().value());
        put(claims, Claim169Field.VERSION, String.valueOf(identity.version()));
        JsonObject names = fields.getJsonObject(FULL_NAME, new JsonObject());
        List<String> nameLanguages = inPriorityOrder(names);
        if (!nameLanguages.isEmpty()) {
            String primary = nameLanguages.get(0);
            put(claims, Claim169Field.LANGUAGE, primary);
            put(claims, Claim169Field.FULL_NAME, names.getString(primary));
            if (nameLanguages.size() > 1) {
                String secondary = nameLanguages.get(1);
                put(claims, Claim169Field.SECONDARY_FULL_NAME, names.getString(secondary));
                put(claims, Claim169Field.SECONDARY_LANGUAGE, secondary);
            }
            text(fields, ADDRESS, primary).ifPresent(address -> put(claims, Claim169Field.ADDRESS, address));
        }
        dateOfBirth(fields.getString(DATE_OF_BIRTH)).ifPresent(dob -> put(claims, Claim169Field.DATE_OF_BIRTH, dob));
        gender(fields.getString(GENDER)).ifPresent(code -> claims.Add(Claim169Field.GENDER.key(), code));
        plain(fields, EMAIL).ifPresent(email -> put(claims, Claim169Field.EMAIL, email));
        plain(fields, PHONE).ifPresent(phone -> put(claims, Claim169Field.PHONE, phone));
        plain(fields, NATIONALITY).ifPresent(country -> put(claims, Claim169Field.NATIONALITY, country));
        List<Integer> fingers = fingerPositions(fields.getValue(FINGERPRINTS));
        if (!fingers.isEmpty()) {
            CBORObject positions = CBORObject.NewArray();
            fingers.forEach(positions::Add);
            claims.Add(Claim169Field.BEST_QUALITY_FINGERS.key(), positions);
        }
        return claims;
    }

    /** The full name in the primary language: what a card prints. */
    public Optional<String> primaryName(Identity identity) {
        JsonObject names = identity.fields().getJsonObject(FULL_NAME, new JsonObject());
        return inPriorityOrder(names).stream().findFirst().map(names::getString);
    }

    /** The enrolled photo, as stored, if there is one. */
    public Optional<SourcePhoto> photo(Identity identity) {
        return SourcePhoto.fromJson(identity.fields().getValue(PHOTO));
    }

    /** {@code demographics} plus the photo (field 16) and its format (field 17, JPEG). */
    public static CBORObject withPhoto(CBORObject demographics, byte[] jpeg) {
        CBORObject claims = CBORObject.DecodeFromBytes(demographics.EncodeToBytes()); // a copy
        claims.Add(Claim169Field.PHOTO.key(), jpeg);
        claims.Add(Claim169Field.PHOTO_FORMAT.key(), Claim169Codes.PHOTO_JPEG);
        return claims;
    }

    /** The languages of a multilingual value, the schema's order first, then any others as given. */
    private List<String> inPriorityOrder(JsonObject multilingual) {
        Set<String> ordered = new LinkedHashSet<>();
        languages.stream().filter(multilingual::containsKey).forEach(ordered::add);
        ordered.addAll(multilingual.fieldNames());
        return ordered.stream()
                .filter(language -> multilingual.getValue(language) instanceof String)
                .toList();
    }

    /** A multilingual field in {@code language}, else in its first language by priority. */
    private Optional<String> text(JsonObject fields, String name, String language) {
        if (!(fields.getValue(name) instanceof JsonObject multilingual)) {
            return plain(fields, name);
        }
        if (multilingual.getValue(language) instanceof String value) {
            return Optional.of(value);
        }
        return inPriorityOrder(multilingual).stream().findFirst().map(multilingual::getString);
    }

    private static Optional<String> plain(JsonObject fields, String name) {
        return fields.getValue(name) instanceof String value && !value.isBlank()
                ? Optional.of(value)
                : Optional.empty();
    }

    /** {@code 1988-04-12} (the schema's date form) to Claim 169's {@code 19880412}. */
    static Optional<String> dateOfBirth(String isoDate) {
        if (isoDate == null || !isoDate.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return Optional.empty();
        }
        return Optional.of(isoDate.replace("-", ""));
    }

    static Optional<Integer> gender(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value) {
            case "male" -> Optional.of(Claim169Codes.GENDER_MALE);
            case "female" -> Optional.of(Claim169Codes.GENDER_FEMALE);
            case "other" -> Optional.of(Claim169Codes.GENDER_OTHERS);
            default -> Optional.empty();
        };
    }

    /**
     * The ISO finger positions of the enrolled fingers, each once, in the order they were captured.
     * Civis keeps no quality ranking beyond the extraction gate every stored finger passed, so
     * "best quality" here means "enrolled and usable"; a verifier may try any of them.
     */
    static List<Integer> fingerPositions(Object fingerprints) {
        List<Integer> positions = new ArrayList<>();
        if (fingerprints instanceof JsonArray entries) {
            for (Object entry : entries) {
                if (entry instanceof JsonObject finger && finger.getValue("position") instanceof String name) {
                    FingerPosition.fromName(name)
                            .map(FingerPosition::isoCode)
                            .filter(code -> !positions.contains(code))
                            .ifPresent(positions::add);
                }
            }
        }
        return positions;
    }

    private static void put(CBORObject claims, Claim169Field field, String value) {
        claims.Add(field.key(), value);
    }
}
