package org.civis.auth.admission;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * What {@link SignedRequestVerifier} concluded about one partner request. A value rather than an exception because
 * refusing forged or malformed requests is the normal hot path, not an error.
 *
 * @param outcome the verdict
 * @param payload the verified JSON payload when {@link Outcome#VALID}, otherwise null
 * @param keyId the kid of the partner key that verified the signature when {@link Outcome#VALID}, otherwise null
 */
public record RequestVerification(Outcome outcome, JsonObject payload, String keyId) {

    /** Stable codes; API responses and metrics use the names. */
    public enum Outcome {
        VALID,
        /** Not a compact JWS, unreadable header, or a payload that is not a JSON object. */
        MALFORMED,
        /** Anything but EdDSA with an Ed25519 key or ES256 with a P-256 key; also any crit header or b64=false. */
        ALGORITHM_NOT_ALLOWED,
        /** The kid names none of the partner's keys, or the partner has no key for the algorithm. */
        KEY_UNKNOWN,
        SIGNATURE_INVALID
    }

    public RequestVerification {
        Objects.requireNonNull(outcome, "outcome");
        if ((outcome == Outcome.VALID) != (payload != null && keyId != null)) {
            throw new IllegalArgumentException("payload and keyId are present exactly when the outcome is VALID");
        }
    }

    static RequestVerification valid(JsonObject payload, String keyId) {
        return new RequestVerification(Outcome.VALID, payload, keyId);
    }

    static RequestVerification refused(Outcome outcome) {
        return new RequestVerification(outcome, null, null);
    }

    public boolean isValid() {
        return outcome == Outcome.VALID;
    }

    // The payload carries personal data (UIN, factors); keep it out of logs.
    @Override
    public String toString() {
        return "RequestVerification[outcome=" + outcome + ", keyId=" + keyId + "]";
    }
}
