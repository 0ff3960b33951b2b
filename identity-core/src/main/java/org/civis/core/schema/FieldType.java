package org.civis.core.schema;

import java.util.Optional;

/**
 * The kinds of value an identity field can hold, each with the name used for it in the ID schema
 * document and the wire format described in {@link SchemaValidator}.
 */
public enum FieldType {
    TEXT("text"),
    MULTILINGUAL_TEXT("multilingualText"),
    DATE("date"),
    PHONE("phone"),
    EMAIL("email"),
    IMAGE("image"),
    FINGERPRINTS("fingerprints");

    private final String jsonName;

    FieldType(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name of this type in the ID schema document, e.g. {@code multilingualText}. */
    public String jsonName() {
        return jsonName;
    }

    /** The type with that schema-document name, or empty when there is none. */
    public static Optional<FieldType> fromJsonName(String jsonName) {
        for (FieldType type : values()) {
            if (type.jsonName.equals(jsonName)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** Text types are the ones a length limit (and a list of allowed values) can apply to. */
    boolean isText() {
        return this == TEXT || this == MULTILINGUAL_TEXT;
    }

    /** Binary types carry base64 payloads, whose decoded size is limited by {@code maxBytes}. */
    boolean isBinary() {
        return this == IMAGE || this == FINGERPRINTS;
    }
}
