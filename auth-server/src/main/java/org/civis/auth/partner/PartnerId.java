package org.civis.auth.partner;

import java.util.regex.Pattern;

/** A partner's id, chosen by the ID authority: lower-case letters, digits and '-', 3..64 long. */
public record PartnerId(String value) {
    private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9-]{2,63}");

    public PartnerId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "a partner id is 3..64 of a-z, 0-9 and '-', starting with a letter or digit");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
