package org.civis.core.id;

import java.util.regex.Pattern;

/**
 * The identifier of one enrollment (registration) packet: 1 to 64 characters of letters, digits,
 * {@code .}, {@code _} and {@code -}, not starting with {@code .} or {@code -}.
 */
public record RegistrationId(String value) {

    // A leading '.' or '-' is refused because such ids look like hidden files or command-line
    // options when they end up in file names and shell commands.
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,63}");

    /** @throws IllegalArgumentException if the value is malformed; the message never repeats the value */
    public RegistrationId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("registration id must not be blank");
        }
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("registration id malformed");
        }
    }

    /** Whether {@code value} would be accepted by the constructor. */
    public static boolean isWellFormed(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
