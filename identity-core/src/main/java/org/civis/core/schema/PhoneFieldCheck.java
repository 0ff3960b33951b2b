package org.civis.core.schema;

import java.util.regex.Pattern;

/**
 * A phone number in E.164 form: {@code +}, a country code that does not start with 0, and at most 15
 * digits in all. Spaces and other separators are refused rather than stripped, so that the stored
 * form is the one canonical form.
 */
final class PhoneFieldCheck implements FieldCheck {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    @Override
    public void check(FieldSpec spec, Object value, String path, ViolationCollector violations) {
        if (!(value instanceof String text)) {
            violations.add(path, ViolationCode.FIELD_TYPE, "must be a string");
            return;
        }
        if (!E164.matcher(text).matches()) {
            violations.add(
                    path,
                    ViolationCode.PHONE_FORMAT,
                    "must be an E.164 phone number: '+' then 7 to 15 digits, without spaces");
        }
    }
}
