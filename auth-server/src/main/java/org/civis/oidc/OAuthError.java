package org.civis.oidc;

import org.civis.core.refusal.RefusalCode;

/**
 * The provider's refusals. {@link #wireCode()} is the OAuth 2.0 / OpenID Connect error code a
 * client library matches on; the constant's name is Civis's own stable code, logged and audited.
 * Never rename either.
 */
public enum OAuthError implements RefusalCode {
    INVALID_REQUEST("invalid_request", 400),
    INVALID_CLIENT("invalid_client", 401),
    INVALID_GRANT("invalid_grant", 400),
    UNAUTHORIZED_CLIENT("unauthorized_client", 400),
    UNSUPPORTED_GRANT_TYPE("unsupported_grant_type", 400),
    UNSUPPORTED_RESPONSE_TYPE("unsupported_response_type", 400),
    INVALID_SCOPE("invalid_scope", 400),
    ACCESS_DENIED("access_denied", 400),
    LOGIN_REQUIRED("login_required", 400),
    CONSENT_REQUIRED("consent_required", 400),
    INVALID_REQUEST_URI("invalid_request_uri", 400),
    INVALID_REQUEST_OBJECT("invalid_request_object", 400),
    REQUEST_NOT_SUPPORTED("request_not_supported", 400),
    INVALID_DPOP_PROOF("invalid_dpop_proof", 400),
    USE_DPOP_NONCE("use_dpop_nonce", 400),
    INVALID_TOKEN("invalid_token", 401),
    INSUFFICIENT_SCOPE("insufficient_scope", 403),
    /** Not sent to a redirect URI: the URI itself is unknown, so the browser is shown an error page. */
    REDIRECT_URI_INVALID("invalid_request", 400),
    /** Not sent to a redirect URI: no such client, or OpenID Connect is not allowed for it. */
    CLIENT_UNKNOWN("invalid_client", 400),
    SIGN_IN_EXPIRED("invalid_request", 400),
    TEMPORARILY_UNAVAILABLE("temporarily_unavailable", 503),
    SERVER_ERROR("server_error", 500);

    private final String wireCode;
    private final int status;

    OAuthError(String wireCode, int status) {
        this.wireCode = wireCode;
        this.status = status;
    }

    /** The {@code error} value on the wire (RFC 6749 section 5.2, OpenID Connect Core 3.1.2.6, RFC 9449). */
    public String wireCode() {
        return wireCode;
    }

    /** The HTTP status of a direct answer (token, PAR and userinfo endpoints). */
    public int status() {
        return status;
    }
}
