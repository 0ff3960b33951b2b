package org.civis.auth;

import java.util.Optional;
import java.util.regex.Pattern;

/** The request pieces the partner and resident APIs read alike: transaction ids and bearer credentials. */
public final class RequestFields {
    private static final Pattern TRANSACTION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final String BEARER = "Bearer ";

    private RequestFields() {}

    /** The transaction id, if {@code value} is one: 1..64 of letters, digits, '.', '_', ':' and '-'. */
    public static Optional<String> transactionId(Object value) {
        return value instanceof String id && TRANSACTION_ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }

    /** The credential of an {@code Authorization: Bearer <credential>} header, if that is what was sent. */
    public static Optional<String> bearer(String authorization) {
        return authorization != null && authorization.startsWith(BEARER)
                ? Optional.of(authorization.substring(BEARER.length()).trim())
                : Optional.empty();
    }
}
