package org.civis.auth.request;

import java.util.Optional;
import org.civis.auth.transaction.TransactionId;

/** The request pieces the partner and resident APIs read alike: transaction ids and bearer credentials. */
public final class RequestFields {
    private static final String BEARER = "Bearer ";

    private RequestFields() {}

    /** The transaction id, if {@code value} is one: 1..64 of letters, digits, '.', '_', ':' and '-'. */
    public static Optional<TransactionId> transactionId(Object value) {
        return TransactionId.parse(value);
    }

    /** The credential of an {@code Authorization: Bearer <credential>} header, if that is what was sent. */
    public static Optional<String> bearer(String authorization) {
        return authorization != null && authorization.startsWith(BEARER)
                ? Optional.of(authorization.substring(BEARER.length()).trim())
                : Optional.empty();
    }
}
