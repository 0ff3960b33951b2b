package org.civis.core.schema;

import io.vertx.core.json.JsonObject;

/** Text given in one or more of the schema's languages: {@code {"eng": "…", "ara": "…"}}. */
final class MultilingualTextFieldCheck implements FieldCheck {

    private final IdSchema schema;

    MultilingualTextFieldCheck(IdSchema schema) {
        this.schema = schema;
    }

    @Override
    public void check(FieldSpec spec, Object value, String path, ViolationCollector violations) {
        if (!(value instanceof JsonObject translations)) {
            violations.add(
                    path, ViolationCode.FIELD_TYPE, "must be an object mapping ISO 639-3 language codes to text");
            return;
        }
        if (translations.isEmpty()) {
            violations.add(path, ViolationCode.FIELD_EMPTY, "must give the text in at least one language");
            return;
        }
        for (String language : translations.fieldNames()) {
            if (!schema.allowsLanguage(language)) {
                continue;
            }
            String entryPath = JsonPointer.child(path, language);
            Object text = translations.getValue(language);
            if (text instanceof String string) {
                TextFieldCheck.checkContent(spec, string, entryPath, violations);
            } else {
                violations.add(entryPath, ViolationCode.FIELD_TYPE, "must be a string");
            }
        }
        if (!translations.fieldNames().stream().allMatch(schema::allowsLanguage)) {
            // Reported at the field: a language code the schema does not know is the applicant's text.
            violations.add(
                    path, ViolationCode.LANGUAGE_NOT_ALLOWED, "must use only the languages " + schema.languages());
        }
    }
}
