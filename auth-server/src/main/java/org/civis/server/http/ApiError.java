package org.civis.server.http;

import org.civis.auth.credential.IssuanceError;
import org.civis.auth.partner.PartnerError;
import org.civis.core.refusal.RefusalCode;
import org.civis.core.refusal.RegistryError;

/**
 * The error catalogue of the HTTP APIs: a stable code (clients match on it), its HTTP status, and
 * a default message. Never rename a code; add new ones.
 */
public enum ApiError implements RefusalCode {
    MALFORMED_JSON(400, "the body is not a JSON object"),
    VALIDATION_FAILED(400, "the request is invalid; see violations"),
    UIN_INVALID(400, "not a well-formed UIN (digits, length, check digit)"),
    VID_INVALID(400, "not a well-formed VID (digits, length, check digit)"),
    REGISTRATION_ID_INVALID(400, "registration id must be 1..64 of letters, digits, '.', '_' and '-'"),
    PARTNER_ID_INVALID(400, "a partner id is 3..64 of a-z, 0-9 and '-'"),
    PARTNER_KEY_INVALID(
            400, "not an acceptable public JWK (Ed25519, P-256 or RSA-2048+ to sign; P-256 or RSA-2048+ to encrypt)"),
    PARTNER_POLICY_INVALID(400, "the partner policy is invalid"),
    NOT_FOUND(404, "no such endpoint"),
    IDENTITY_NOT_FOUND(404, "no identity has this UIN"),
    ENROLLMENT_NOT_FOUND(404, "no enrollment has this registration id"),
    VID_NOT_FOUND(404, "no such VID"),
    PARTNER_NOT_FOUND(404, "no partner has this id"),
    PARTNER_SIGNING_KEY_NOT_FOUND(404, "the partner has no signing key with this kid"),
    STATUS_LIST_NOT_FOUND(404, "no status list has this number"),
    METHOD_NOT_ALLOWED(405, "method not allowed on this endpoint"),
    REGISTRATION_ID_REUSED(409, "this registration id was already used for a different packet"),
    IDENTITY_STATE_CONFLICT(409, "the identity's status does not allow this"),
    ENROLLMENT_NOT_PENDING(409, "this enrollment is not awaiting adjudication"),
    VID_LIMIT_REACHED(409, "this identity already has an active perpetual VID"),
    PARTNER_EXISTS(409, "a partner with this id exists"),
    PARTNER_LAST_SIGNING_KEY(409, "add the new signing key before removing the last one"),
    IDENTITY_REVOKED(409, "a revoked identity gets no card"),
    IDENTITY_DEACTIVATED(409, "reactivate the identity before issuing a card"),
    BODY_TOO_LARGE(413, "the body is larger than this server accepts"),
    UNSUPPORTED_MEDIA_TYPE(415, "send the body as application/json"),
    INTERNAL_ERROR(500, "internal error"),
    NOT_READY(503, "not ready"),
    BIOMETRICS_BUSY(503, "the fingerprint workers are busy; retry shortly"),
    BIOMETRICS_UNAVAILABLE(503, "no fingerprint gallery is reachable to deduplicate against; retry shortly"),
    PATH_MALFORMED(
            400,
            "the request path or query is not well-formed: each '%' starts a %XX escape, escapes encode UTF-8,"
                    + " no control characters"),
    BODY_NOT_ALLOWED(413, "this endpoint takes no body"),
    REQUEST_TIMEOUT(408, "the request was not received in time"),
    SERVER_BUSY(503, "the server holds as many request bodies as it can; retry shortly"),
    OPERATOR_TOKEN_MISSING(401, "send an operator access token: Authorization: Bearer <token>"),
    OPERATOR_TOKEN_INVALID(401, "the operator token is not valid here; get a new one from the identity provider"),
    OPERATOR_ROLE_MISSING(403, "the operator's roles do not allow this operation"),
    OPERATOR_KEYS_UNAVAILABLE(503, "the identity provider's keys cannot be fetched; retry shortly");

    private final int status;
    private final String message;

    ApiError(int status, String message) {
        this.status = status;
        this.message = message;
    }

    public int status() {
        return status;
    }

    public String message() {
        return message;
    }

    /**
     * The HTTP form of a registry refusal. Spelled out rather than looked up by name, so a constant
     * renamed or added on either side fails to compile instead of failing a request.
     */
    public static ApiError of(RegistryError error) {
        return switch (error) {
            case VALIDATION_FAILED -> VALIDATION_FAILED;
            case IDENTITY_NOT_FOUND -> IDENTITY_NOT_FOUND;
            case IDENTITY_STATE_CONFLICT -> IDENTITY_STATE_CONFLICT;
            case ENROLLMENT_NOT_FOUND -> ENROLLMENT_NOT_FOUND;
            case ENROLLMENT_NOT_PENDING -> ENROLLMENT_NOT_PENDING;
            case REGISTRATION_ID_REUSED -> REGISTRATION_ID_REUSED;
            case VID_NOT_FOUND -> VID_NOT_FOUND;
            case VID_LIMIT_REACHED -> VID_LIMIT_REACHED;
            case BIOMETRICS_BUSY -> BIOMETRICS_BUSY;
            case BIOMETRICS_UNAVAILABLE -> BIOMETRICS_UNAVAILABLE;
        };
    }

    /** The HTTP form of a refused issuance. */
    public static ApiError of(IssuanceError error) {
        return switch (error) {
            case IDENTITY_REVOKED -> IDENTITY_REVOKED;
            case IDENTITY_DEACTIVATED -> IDENTITY_DEACTIVATED;
            case STATUS_LIST_NOT_FOUND -> STATUS_LIST_NOT_FOUND;
        };
    }

    /** The HTTP form of a refused partner change. */
    public static ApiError of(PartnerError error) {
        return switch (error) {
            case PARTNER_NOT_FOUND -> PARTNER_NOT_FOUND;
            case PARTNER_EXISTS -> PARTNER_EXISTS;
            case PARTNER_KEY_INVALID -> PARTNER_KEY_INVALID;
            case PARTNER_LAST_SIGNING_KEY -> PARTNER_LAST_SIGNING_KEY;
            case PARTNER_SIGNING_KEY_NOT_FOUND -> PARTNER_SIGNING_KEY_NOT_FOUND;
            case PARTNER_POLICY_INVALID -> PARTNER_POLICY_INVALID;
        };
    }
}
