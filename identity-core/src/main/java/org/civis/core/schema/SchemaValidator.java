package org.civis.core.schema;

import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks enrollment data against an {@link IdSchema} and reports every problem at once, so that an
 * operator can fix a form in one pass. Any JSON value is accepted as input: a value of the wrong JSON
 * type is reported as {@link ViolationCode#FIELD_TYPE}, never thrown. Thread-safe.
 */
public final class SchemaValidator {

    private final IdSchema schema;
    private final Map<FieldType, FieldCheck> checks = new EnumMap<>(FieldType.class);

    /**
     * @param clock decides what "today" is for dates, in the clock's time zone; pass the ID authority's
     *              zone so that a child born today can be enrolled today
     */
    public SchemaValidator(IdSchema schema, Clock clock) {
        this.schema = Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(clock, "clock");
        for (FieldType type : FieldType.values()) {
            checks.put(type, checkFor(type, clock));
        }
    }

    private FieldCheck checkFor(FieldType type, Clock clock) {
        // A switch expression, so that adding a FieldType without a check does not compile.
        return switch (type) {
            case TEXT -> new TextFieldCheck();
            case MULTILINGUAL_TEXT -> new MultilingualTextFieldCheck(schema);
            case DATE -> new DateFieldCheck(clock);
            case PHONE -> new PhoneFieldCheck();
            case EMAIL -> new EmailFieldCheck();
            case IMAGE -> new ImageFieldCheck();
            case FINGERPRINTS -> new FingerprintsFieldCheck();
        };
    }

    /**
     * Validates one identity.
     *
     * @param identity the identity's fields, as parsed from the request
     * @param basePath JSON pointer to {@code identity} within the request, prefixed to every violation
     *                 path, e.g. {@code /identity}; {@code ""} when the identity is the whole document
     * @return every violation found, in schema field order, then one FIELD_UNKNOWN at {@code basePath}
     *     if any member is not a schema field (never naming it); empty when valid
     */
    public List<Violation> validate(JsonObject identity, String basePath) {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(basePath, "basePath");
        if (!basePath.isEmpty() && !basePath.startsWith("/")) {
            throw new IllegalArgumentException("basePath must be a JSON pointer: empty or starting with '/'");
        }
        ViolationCollector violations = new ViolationCollector();
        for (FieldSpec field : schema.fields()) {
            String path = JsonPointer.child(basePath, field.name());
            // Explicit null counts as missing: clients often serialise absent optional fields that way.
            Object value = identity.getValue(field.name());
            if (value == null) {
                if (field.required()) {
                    violations.add(path, ViolationCode.FIELD_REQUIRED, "is required");
                }
            } else {
                checks.get(field.type()).check(field, value, path, violations);
            }
        }
        if (identity.fieldNames().stream().anyMatch(name -> schema.field(name).isEmpty())) {
            // One violation at the identity's own path: an unknown name is the applicant's text.
            violations.add(basePath, ViolationCode.FIELD_UNKNOWN, "has members that are not fields of the ID schema");
        }
        return violations.toList();
    }
}
