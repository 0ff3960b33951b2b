package org.civis.auth.transaction;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The id a partner (or the resident portal) gives one request: 1..64 of letters, digits, '.', '_',
 * ':' and '-'. Unique per requester and kind of request; a second use is a replay.
 */
public record TransactionId(String value) {
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    public TransactionId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("a transaction id is 1..64 of letters, digits, '.', '_', ':' and '-'");
        }
    }

    /** The transaction id, if {@code value} is one. */
    public static Optional<TransactionId> parse(Object value) {
        return value instanceof String id && FORM.matcher(id).matches()
                ? Optional.of(new TransactionId(id))
                : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
