package org.civis.core.schema;

import java.util.Objects;

/**
 * Which schema fields carry the demographics that deduplication compares: a name (text or
 * multilingual text), a date of birth (date) and a gender (text).
 */
public record DeduplicationFields(String name, String dateOfBirth, String gender) {

    public DeduplicationFields {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        Objects.requireNonNull(gender, "gender");
    }
}
