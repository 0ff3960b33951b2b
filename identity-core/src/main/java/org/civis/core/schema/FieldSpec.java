package org.civis.core.schema;

import java.util.List;
import java.util.Objects;

/**
 * One field of the ID schema: its name, its type, whether enrollment must supply it, and the limits
 * that apply to its values.
 *
 * @param name          the field's key in an identity document
 * @param type          the kind of value the field holds
 * @param required      whether an identity without this field is rejected
 * @param maxLength     the most code points a text value may have; 0 for non-text types
 * @param allowedValues the only values a {@link FieldType#TEXT} field accepts; empty means any
 * @param maxBytes      the largest decoded payload an image or fingerprint may have; 0 for other types
 */
public record FieldSpec(
        String name, FieldType type, boolean required, int maxLength, List<String> allowedValues, int maxBytes) {

    /** Applies to text fields whose schema entry gives no {@code maxLength}. */
    public static final int DEFAULT_MAX_LENGTH = 256;

    public FieldSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        allowedValues = List.copyOf(allowedValues);
        // The limits are checked here rather than only by the schema reader so that no FieldSpec with
        // a meaningless limit can exist, whoever builds it.
        if (type.isText()) {
            if (maxLength < 1) {
                throw invalid(name, "maxLength must be at least 1");
            }
        } else if (maxLength != 0) {
            throw invalid(name, "maxLength applies only to text and multilingualText fields");
        }
        if (type.isBinary()) {
            if (maxBytes < 1) {
                throw invalid(name, "maxBytes must be at least 1");
            }
        } else if (maxBytes != 0) {
            throw invalid(name, "maxBytes applies only to image and fingerprints fields");
        }
        if (!allowedValues.isEmpty() && type != FieldType.TEXT) {
            throw invalid(name, "allowedValues applies only to text fields");
        }
        for (String allowed : allowedValues) {
            if (TextFieldCheck.isBlank(allowed)) {
                throw invalid(name, "allowedValues must not contain blank values");
            }
            if (allowed.codePointCount(0, allowed.length()) > maxLength) {
                throw invalid(name, "every allowed value must fit within maxLength");
            }
        }
    }

    private static IllegalArgumentException invalid(String fieldName, String problem) {
        return new IllegalArgumentException("field '" + fieldName + "': " + problem);
    }
}
