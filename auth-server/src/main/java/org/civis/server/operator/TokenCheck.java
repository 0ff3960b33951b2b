package org.civis.server.operator;

/** What checking an operator token found: an operator, a refused token, or no keys to tell. */
public sealed interface TokenCheck {

    /** The token is valid here; the operator may still lack the role an operation needs. */
    record Accepted(Operator operator) implements TokenCheck {}

    /**
     * The token is not valid here. The reason is for logs and metrics only: the caller is told no
     * more than "invalid token", which helps a legitimate client exactly as much and an attacker less.
     */
    record Refused(Reason reason) implements TokenCheck {}

    /**
     * The token names a key the IdP's JWKS might hold but the JWKS cannot be fetched: fail closed,
     * but as "retry later" rather than "your token is bad", which would send clients into a loop of
     * fetching new tokens that fail just the same.
     */
    record KeysUnavailable() implements TokenCheck {}

    /** Why a token was refused. */
    enum Reason {
        /** Not a signed JWT, or too large to be one. */
        MALFORMED,
        /** Signed with an algorithm not allowed here (none, HMAC, ...), or a {@code typ} that is not a token's. */
        ALGORITHM_OR_TYPE,
        /** No key held matches its key id and algorithm, even after asking the IdP. */
        UNKNOWN_KEY,
        /** The signature does not verify. */
        SIGNATURE,
        /** Issuer, audience, expiry, not-before, or a required claim is wrong or missing. */
        CLAIMS
    }
}
