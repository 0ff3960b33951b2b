package org.civis.core.schema;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a schema document into an {@link IdSchema}, rejecting anything it does not understand: a typo
 * in the configuration must stop the service at start-up, not silently loosen enrollment checks.
 */
final class IdSchemaReader {

    static final int SUPPORTED_VERSION = 1;

    private static final Set<String> DOCUMENT_KEYS = Set.of("version", "languages", "fields", "deduplication");
    private static final Set<String> FIELD_KEYS = Set.of("type", "required", "maxLength", "allowedValues", "maxBytes");
    private static final Set<String> DEDUPLICATION_KEYS = Set.of("name", "dateOfBirth", "gender");

    private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{3}");
    // Field names become JSON pointer segments and, later, column and index names: keep them plain.
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private static final int DEFAULT_IMAGE_MAX_BYTES = 256 * 1024;
    private static final int DEFAULT_FINGERPRINT_MAX_BYTES = 1024 * 1024;

    private IdSchemaReader() {}

    static IdSchema read(JsonObject document) {
        rejectUnknownKeys(document, DOCUMENT_KEYS, "the schema document");
        Integer version = optionalInt(document, "version", "version");
        if (version == null) {
            throw invalid("version is required");
        }
        if (version != SUPPORTED_VERSION) {
            throw invalid("version " + version + " is not supported; expected " + SUPPORTED_VERSION);
        }
        List<String> languages = readLanguages(document.getValue("languages"));
        List<FieldSpec> fields = readFields(document.getValue("fields"));
        DeduplicationFields deduplication = readDeduplication(document.getValue("deduplication"), fields);
        return new IdSchema(version, languages, fields, deduplication);
    }

    private static List<String> readLanguages(Object value) {
        if (!(value instanceof JsonArray array) || array.isEmpty()) {
            throw invalid("languages must be a non-empty array of ISO 639-3 codes");
        }
        List<String> languages = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            Object code = array.getValue(i);
            if (!(code instanceof String text) || !LANGUAGE_CODE.matcher(text).matches()) {
                throw invalid("languages[" + i + "] must be an ISO 639-3 code: three lower-case letters");
            }
            if (languages.contains(text)) {
                throw invalid("languages lists '" + text + "' twice");
            }
            languages.add(text);
        }
        return languages;
    }

    private static List<FieldSpec> readFields(Object value) {
        if (!(value instanceof JsonObject object) || object.isEmpty()) {
            throw invalid("fields must be a non-empty object mapping field names to field definitions");
        }
        List<FieldSpec> fields = new ArrayList<>();
        for (String name : object.fieldNames()) {
            if (!FIELD_NAME.matcher(name).matches()) {
                throw invalid("field name '" + name + "' must be a letter followed by up to 63 letters, digits"
                        + " or underscores");
            }
            if (!(object.getValue(name) instanceof JsonObject definition)) {
                throw invalid("fields." + name + " must be an object");
            }
            fields.add(readField(name, definition));
        }
        return fields;
    }

    private static FieldSpec readField(String name, JsonObject definition) {
        String context = "fields." + name;
        rejectUnknownKeys(definition, FIELD_KEYS, context);
        Object typeName = definition.getValue("type");
        if (!(typeName instanceof String typeText)) {
            throw invalid(context + ".type is required and must be a string");
        }
        FieldType type = FieldType.fromJsonName(typeText)
                .orElseThrow(() -> invalid(context + ".type '" + typeText + "' is unknown"));
        Object required = definition.getValue("required");
        if (required != null && !(required instanceof Boolean)) {
            throw invalid(context + ".required must be true or false");
        }
        Integer maxLength = optionalInt(definition, "maxLength", context + ".maxLength");
        Integer maxBytes = optionalInt(definition, "maxBytes", context + ".maxBytes");
        List<String> allowedValues = readAllowedValues(definition.getValue("allowedValues"), context);
        try {
            return new FieldSpec(
                    name,
                    type,
                    Boolean.TRUE.equals(required),
                    maxLength != null ? maxLength : type.isText() ? FieldSpec.DEFAULT_MAX_LENGTH : 0,
                    allowedValues,
                    maxBytes != null ? maxBytes : defaultMaxBytes(type));
        } catch (IllegalArgumentException limitProblem) {
            throw invalid(limitProblem.getMessage());
        }
    }

    private static int defaultMaxBytes(FieldType type) {
        return switch (type) {
            case IMAGE -> DEFAULT_IMAGE_MAX_BYTES;
            case FINGERPRINTS -> DEFAULT_FINGERPRINT_MAX_BYTES;
            default -> 0;
        };
    }

    private static List<String> readAllowedValues(Object value, String context) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw invalid(context + ".allowedValues must be an array of strings");
        }
        List<String> allowed = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.getValue(i) instanceof String text)) {
                throw invalid(context + ".allowedValues[" + i + "] must be a string");
            }
            if (allowed.contains(text)) {
                throw invalid(context + ".allowedValues lists '" + text + "' twice");
            }
            allowed.add(text);
        }
        return allowed;
    }

    private static DeduplicationFields readDeduplication(Object value, List<FieldSpec> fields) {
        if (!(value instanceof JsonObject object)) {
            throw invalid("deduplication must be an object naming the name, dateOfBirth and gender fields");
        }
        rejectUnknownKeys(object, DEDUPLICATION_KEYS, "deduplication");
        return new DeduplicationFields(
                dedupField(object, "name", fields, Set.of(FieldType.TEXT, FieldType.MULTILINGUAL_TEXT)),
                dedupField(object, "dateOfBirth", fields, Set.of(FieldType.DATE)),
                dedupField(object, "gender", fields, Set.of(FieldType.TEXT)));
    }

    private static String dedupField(JsonObject object, String role, List<FieldSpec> fields, Set<FieldType> types) {
        String context = "deduplication." + role;
        if (!(object.getValue(role) instanceof String fieldName)) {
            throw invalid(context + " is required and must name a field");
        }
        FieldSpec field = fields.stream()
                .filter(candidate -> candidate.name().equals(fieldName))
                .findFirst()
                .orElseThrow(() -> invalid(context + " names '" + fieldName + "', which is not a field of the schema"));
        if (!types.contains(field.type())) {
            throw invalid(context + " names '" + fieldName + "' of type "
                    + field.type().jsonName() + ", but must name a field of type " + describe(types));
        }
        return fieldName;
    }

    private static String describe(Set<FieldType> types) {
        return types.stream()
                .map(FieldType::jsonName)
                .sorted()
                .reduce((a, b) -> a + " or " + b)
                .orElse("");
    }

    private static void rejectUnknownKeys(JsonObject object, Set<String> known, String context) {
        Set<String> unknown = new HashSet<>(object.fieldNames());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw invalid(
                    context + " has unknown keys " + unknown.stream().sorted().toList() + "; allowed are "
                            + known.stream().sorted().toList());
        }
    }

    /** Null when absent; an integer when present; anything else (2.5, "10", true) is a mistake. */
    private static Integer optionalInt(JsonObject object, String key, String context) {
        Object value = object.getValue(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        if (value instanceof Long || value instanceof BigInteger) {
            BigInteger big = value instanceof BigInteger b ? b : BigInteger.valueOf((Long) value);
            if (big.bitLength() < Integer.SIZE) {
                return big.intValue();
            }
        }
        throw invalid(context + " must be an integer within 32-bit range");
    }

    private static IllegalArgumentException invalid(String problem) {
        return new IllegalArgumentException("invalid ID schema: " + problem);
    }
}
