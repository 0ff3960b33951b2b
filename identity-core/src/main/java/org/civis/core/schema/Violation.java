package org.civis.core.schema;

import java.util.Objects;

/**
 * One problem found in enrollment data. The message is for people and never repeats the submitted
 * value, because that value is personal data and messages end up in logs and error responses.
 *
 * @param path    JSON pointer to the offending value, e.g. {@code /identity/fullName/eng}
 * @param code    stable code for clients to match on
 * @param message what the value must be, in English
 */
public record Violation(String path, ViolationCode code, String message) {

    public Violation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
