package org.civis.server.operator;

/**
 * The admin API's refusals of an operator, in the form of the API's error catalogue ({@code
 * ApiError}), which should take these four lines as they are; until it does they are written here.
 * Clients match on the names.
 */
public enum OperatorError {
    OPERATOR_TOKEN_MISSING(401, "send an operator access token: Authorization: Bearer <token>"),
    OPERATOR_TOKEN_INVALID(401, "the operator token is not valid here; get a new one from the identity provider"),
    OPERATOR_ROLE_MISSING(403, "the operator's roles do not allow this operation"),
    OPERATOR_KEYS_UNAVAILABLE(503, "the identity provider's keys cannot be fetched; retry shortly");

    private final int status;
    private final String message;

    OperatorError(int status, String message) {
        this.status = status;
        this.message = message;
    }

    public int status() {
        return status;
    }

    public String message() {
        return message;
    }
}
