package org.civis.verifier.spec;

import java.util.Optional;

/**
 * The fields of MOSIP Claim 169 ("169 - QR Code Specifications" v1.2.0, section 3.1): the integer
 * key in the CBOR map, the name the verifier reports it under, and the CBOR shape the spec gives.
 * Keys 24-49, 66-99 are unassigned: a verifier keeps them as raw claims.
 */
public enum Claim169Field {
    ID(1, "id", Shape.TEXT),
    VERSION(2, "version", Shape.TEXT),
    LANGUAGE(3, "language", Shape.TEXT),
    FULL_NAME(4, "fullName", Shape.TEXT),
    FIRST_NAME(5, "firstName", Shape.TEXT),
    MIDDLE_NAME(6, "middleName", Shape.TEXT),
    LAST_NAME(7, "lastName", Shape.TEXT),
    /** {@code YYYYMMDD}. */
    DATE_OF_BIRTH(8, "dateOfBirth", Shape.TEXT),
    /** {@link Claim169Codes#GENDER_MALE} and siblings. */
    GENDER(9, "gender", Shape.INT),
    /** Lines separated by {@code \n}. */
    ADDRESS(10, "address", Shape.TEXT),
    EMAIL(11, "email", Shape.TEXT),
    /** E.123 international notation. */
    PHONE(12, "phone", Shape.TEXT),
    NATIONALITY(13, "nationality", Shape.TEXT),
    MARITAL_STATUS(14, "maritalStatus", Shape.INT),
    GUARDIAN(15, "guardian", Shape.TEXT),
    /** The photograph's bytes (the spec's table says tstr; issuers write a byte string). */
    PHOTO(16, "photo", Shape.BYTES),
    /** {@link Claim169Codes#PHOTO_JPEG} and siblings. */
    PHOTO_FORMAT(17, "photoFormat", Shape.INT),
    /** Finger positions 0-10: 0 unknown, 1-5 right thumb to little, 6-10 left thumb to little. */
    BEST_QUALITY_FINGERS(18, "bestQualityFingers", Shape.INT_ARRAY),
    SECONDARY_FULL_NAME(19, "secondaryFullName", Shape.TEXT),
    SECONDARY_LANGUAGE(20, "secondaryLanguage", Shape.TEXT),
    LOCATION_CODE(21, "locationCode", Shape.TEXT),
    LEGAL_STATUS(22, "legalStatus", Shape.TEXT),
    COUNTRY_OF_ISSUANCE(23, "countryOfIssuance", Shape.TEXT),
    RIGHT_THUMB(50, "rightThumb", Shape.BIOMETRICS),
    RIGHT_POINTER_FINGER(51, "rightPointerFinger", Shape.BIOMETRICS),
    RIGHT_MIDDLE_FINGER(52, "rightMiddleFinger", Shape.BIOMETRICS),
    RIGHT_RING_FINGER(53, "rightRingFinger", Shape.BIOMETRICS),
    RIGHT_LITTLE_FINGER(54, "rightLittleFinger", Shape.BIOMETRICS),
    LEFT_THUMB(55, "leftThumb", Shape.BIOMETRICS),
    LEFT_POINTER_FINGER(56, "leftPointerFinger", Shape.BIOMETRICS),
    LEFT_MIDDLE_FINGER(57, "leftMiddleFinger", Shape.BIOMETRICS),
    LEFT_RING_FINGER(58, "leftRingFinger", Shape.BIOMETRICS),
    LEFT_LITTLE_FINGER(59, "leftLittleFinger", Shape.BIOMETRICS),
    RIGHT_IRIS(60, "rightIris", Shape.BIOMETRICS),
    LEFT_IRIS(61, "leftIris", Shape.BIOMETRICS),
    FACE(62, "face", Shape.BIOMETRICS),
    RIGHT_PALM(63, "rightPalm", Shape.BIOMETRICS),
    LEFT_PALM(64, "leftPalm", Shape.BIOMETRICS),
    VOICE(65, "voice", Shape.BIOMETRICS);

    /** What the spec says a field's value is. */
    public enum Shape {
        TEXT,
        INT,
        BYTES,
        INT_ARRAY,
        /** An array of biometric entries, each a map keyed by the {@code BIOMETRIC_*} numbers below. */
        BIOMETRICS
    }

    /** Keys inside one biometric entry. */
    public static final int BIOMETRIC_DATA = 0;

    public static final int BIOMETRIC_FORMAT = 1;
    public static final int BIOMETRIC_SUB_FORMAT = 2;
    public static final int BIOMETRIC_ISSUER = 3;

    private final int key;
    private final String jsonName;
    private final Shape shape;

    Claim169Field(int key, String jsonName, Shape shape) {
        this.key = key;
        this.jsonName = jsonName;
        this.shape = shape;
    }

    public int key() {
        return key;
    }

    /** The name used in JSON reports: the spec's attribute name in camel case. */
    public String jsonName() {
        return jsonName;
    }

    public Shape shape() {
        return shape;
    }

    public static Optional<Claim169Field> byKey(long key) {
        for (Claim169Field field : values()) {
            if (field.key == key) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}
