package org.civis.core.schema;

/** Plain text: a non-blank string within the length limit and, if the schema lists them, an allowed value. */
final class TextFieldCheck implements FieldCheck {

    @Override
    public void check(FieldSpec spec, Object value, String path, ViolationCollector violations) {
        if (!(value instanceof String text)) {
            violations.add(path, ViolationCode.FIELD_TYPE, "must be a string");
            return;
        }
        if (!checkContent(spec, text, path, violations)) {
            return;
        }
        if (!spec.allowedValues().isEmpty() && !spec.allowedValues().contains(text)) {
            // Listing the allowed values is safe: they come from the schema, not from the applicant.
            violations.add(path, ViolationCode.FIELD_VALUE_NOT_ALLOWED, "must be one of " + spec.allowedValues());
        }
    }

    /** Blank and length checks shared with multilingual text; false if a violation was reported. */
    static boolean checkContent(FieldSpec spec, String text, String path, ViolationCollector violations) {
        if (isBlank(text)) {
            violations.add(path, ViolationCode.FIELD_EMPTY, "must not be empty or blank");
            return false;
        }
        if (text.codePointCount(0, text.length()) > spec.maxLength()) {
            violations.add(
                    path, ViolationCode.FIELD_TOO_LONG, "must be at most " + spec.maxLength() + " characters long");
            return false;
        }
        return true;
    }

    /**
     * True when the text holds nothing but spaces. Unlike {@link String#isBlank()}, this also counts
     * no-break and other Unicode space separators, which keyboards and copy-paste readily produce.
     */
    static boolean isBlank(String text) {
        return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
    }
}
