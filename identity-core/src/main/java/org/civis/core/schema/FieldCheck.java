package org.civis.core.schema;

/** Checks the present, non-null value of one field against its spec; one implementation per field type. */
interface FieldCheck {

    /**
     * @param value any JSON value (String, Number, Boolean, JsonObject, JsonArray); never null
     * @param path  JSON pointer to the value, used in the violations reported
     */
    void check(FieldSpec spec, Object value, String path, ViolationCollector violations);
}
