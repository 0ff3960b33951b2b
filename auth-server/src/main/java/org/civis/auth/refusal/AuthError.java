package org.civis.auth.refusal;

/**
 * The one error catalogue of the partner and resident APIs. Partners match on the code; the
 * status is the HTTP status of an answer whose first error this is (200 for an authentication
 * that was decided: a mismatch is an answer, not a failed request). Never rename a code.
 */
public enum AuthError {
    // The request itself
    API_KEY_MISSING(401, "send the partner API key as 'Authorization: Bearer <key>'"),
    API_KEY_INVALID(401, "the API key is not valid"),
    PARTNER_UNKNOWN(401, "no partner is registered under this API key"),
    PARTNER_SUSPENDED(403, "the partner is suspended"),
    RATE_LIMITED(429, "the partner's request rate limit is reached; retry next second"),
    UNSUPPORTED_MEDIA_TYPE(415, "send the body as a compact JWS with Content-Type application/jose"),
    REQUEST_MALFORMED(
            400,
            "the body is not a compact JWS over a JSON object whose strings hold no control character but tab and"
                    + " line breaks"),
    SIGNATURE_ALGORITHM_NOT_ALLOWED(401, "sign with EdDSA (Ed25519) or ES256; no crit headers, no unencoded payload"),
    SIGNING_KEY_UNKNOWN(401, "the JWS kid names no signing key registered for this partner"),
    SIGNATURE_INVALID(401, "the JWS signature does not verify with the partner's registered key"),
    REQUEST_INVALID(400, "the request payload is invalid; see the error's field"),
    REQUEST_TIME_OUT_OF_WINDOW(400, "requestTime is too far from the server's time"),
    TRANSACTION_REPLAYED(409, "this partner already used this transactionId"),
    TRANSACTION_NOT_RECORDED(
            503, "the request could not be recorded (database busy or down); retry shortly with a new transactionId"),
    FACTORS_UNREADABLE(
            400,
            "the encrypted factors could not be decrypted (use ECDH-ES with A256GCM to the server's key) or are not"
                    + " a JSON object of text"),
    NO_FACTORS(400, "name at least one factor: demographics, otp or biometrics"),
    AUTH_TYPE_NOT_ALLOWED(403, "the partner's policy does not allow this auth type"),
    KYC_NOT_ALLOWED(403, "the partner's policy allows no e-KYC"),
    KYC_ATTRIBUTE_NOT_ALLOWED(403, "the partner's policy does not allow this e-KYC attribute"),
    KYC_CONSENT_MISSING(400, "e-KYC needs the resident's consent: \"consent\": true"),
    // The identity
    IDENTITY_NOT_FOUND(200, "no identity has this UIN"),
    VID_NOT_FOUND(200, "no such VID"),
    VID_REVOKED(200, "the VID is revoked"),
    VID_EXPIRED(200, "the VID has expired"),
    VID_USED_UP(200, "the VID has been used as often as it may"),
    IDENTITY_DEACTIVATED(200, "the identity is deactivated"),
    IDENTITY_REVOKED(200, "the identity is revoked"),
    AUTH_TYPE_LOCKED(200, "the resident has locked this auth type"),
    // The factors
    DEMO_MISMATCH(200, "the demographic field does not match"),
    DEMO_FIELD_UNKNOWN(400, "not a demographic field of the ID schema"),
    DEMO_FIELD_INVALID(400, "the demographic field has the wrong type or language"),
    DEMO_NO_FIELDS(400, "demographics names no field"),
    DEMO_STRATEGY_NOT_ALLOWED(403, "the partner's policy does not allow this name-matching strategy"),
    DEMO_THRESHOLD_INVALID(400, "a matching threshold is a number from 0 to 1"),
    OTP_INVALID(200, "the one-time password is wrong"),
    OTP_EXPIRED(200, "the one-time password has expired"),
    OTP_LOCKED(200, "too many wrong attempts; request a new one-time password"),
    OTP_NOT_REQUESTED(200, "no one-time password is pending for this identity and partner"),
    OTP_RATE_LIMITED(429, "too many one-time passwords for this identity, or asked from this client; retry later"),
    OTP_NO_CONTACT(200, "the identity has no enrolled contact on the requested channels"),
    OTP_DELIVERY_FAILED(502, "the notification gateway did not take the message"),
    BIO_MISMATCH(200, "the presented fingerprints do not match the enrolled ones"),
    BIO_NOT_ENROLLED(200, "the identity has no enrolled fingerprints"),
    BIO_FINGER_IMAGE_UNREADABLE(400, "the fingerprint image cannot be decoded; see the error's field"),
    BIO_FINGER_TEMPLATE_UNREADABLE(400, "the minutiae template is not a one-finger record of the declared standard"),
    BIO_FINGER_TOO_FEW_MINUTIAE(400, "the fingerprint has too few minutiae to compare; capture it again"),
    BIO_MODALITY_NOT_SUPPORTED(501, "no matcher for this biometric modality is installed on this server"),
    BIO_BUSY(503, "the biometric matchers are busy; retry shortly"),
    // The resident API
    RESIDENT_SESSION_INVALID(401, "the resident session is missing, unknown or expired"),
    INTERNAL_ERROR(500, "internal error");

    private final int status;
    private final String message;

    AuthError(int status, String message) {
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
