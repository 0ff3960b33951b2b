package org.civis.server.operator;

/**
 * Why the admin API refuses an operator. The answer is the API catalogue's code of the same name
 * ({@code ApiError}, mapped by {@link OperatorAuthHandler}); this enum only says which refusal,
 * so that the challenge each one carries is chosen by an exhaustive switch.
 */
public enum OperatorError {
    /** No bearer token: 401. */
    OPERATOR_TOKEN_MISSING,
    /** A token that is not valid here: 401, without saying why. */
    OPERATOR_TOKEN_INVALID,
    /** A valid token without a role the operation allows: 403. */
    OPERATOR_ROLE_MISSING,
    /** The identity provider's keys cannot be fetched: 503, retry later. */
    OPERATOR_KEYS_UNAVAILABLE
}
