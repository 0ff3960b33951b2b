package org.civis.auth;

import com.nimbusds.jose.jwk.JWK;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.civis.auth.jose.KycSealer;
import org.civis.auth.jose.ResponseSigner;

/**
 * Turns decisions into the signed answers partners receive: a compact JWS (EdDSA, the server's
 * key from {@code /.well-known/jwks.json}) over {@code transactionId}, {@code authenticated},
 * {@code token}, {@code errors}; for a successful e-KYC, that JWS with the released attributes,
 * encrypted to the partner's key.
 */
public final class AuthAnswers {
    private final ResponseSigner signer;
    private final KycSealer sealer;
    private final Clock clock;

    public AuthAnswers(ResponseSigner signer, KycSealer sealer, Clock clock) {
        this.signer = signer;
        this.sealer = sealer;
        this.clock = clock;
    }

    public String authentication(Optional<String> partnerId, Optional<String> transactionId, AuthOutcome outcome) {
        JsonObject payload =
                envelope(partnerId, transactionId, outcome.failures()).put("authenticated", outcome.authenticated());
        outcome.token().ifPresent(token -> payload.put("token", token));
        return signer.sign(payload.encode());
    }

    /** The signed e-KYC answer, sealed to the partner's key when it carries attributes. */
    public String kyc(
            Optional<String> partnerId, Optional<String> transactionId, AuthOutcome outcome, Optional<JWK> partnerKey) {
        JsonObject payload =
                envelope(partnerId, transactionId, outcome.failures()).put("authenticated", outcome.authenticated());
        outcome.token().ifPresent(token -> payload.put("token", token));
        if (outcome.kycAttributes().isEmpty()) {
            return signer.sign(payload.encode());
        }
        payload.put("identity", outcome.kycAttributes().get());
        return sealer.sealFor(partnerKey.orElseThrow(), signer.sign(payload.encode()));
    }

    public String otp(Optional<String> partnerId, Optional<String> transactionId, OtpRequests.OtpAnswer answer) {
        JsonObject payload = envelope(partnerId, transactionId, answer.failures())
                .put("sent", answer.failures().isEmpty())
                .put("maskedContacts", new JsonArray(answer.maskedContacts()));
        return signer.sign(payload.encode());
    }

    /** An answer to a request refused before it was admitted (no partner or no valid signature). */
    public String refusal(Optional<String> partnerId, Optional<String> transactionId, List<AuthFailure> failures) {
        return signer.sign(envelope(partnerId, transactionId, failures)
                .put("authenticated", false)
                .encode());
    }

    private JsonObject envelope(
            Optional<String> partnerId, Optional<String> transactionId, List<AuthFailure> failures) {
        JsonObject payload = new JsonObject();
        transactionId.ifPresent(id -> payload.put("transactionId", id));
        partnerId.ifPresent(id -> payload.put("partnerId", id));
        payload.put("responseTime", clock.instant().toString());
        JsonArray errors = new JsonArray();
        failures.forEach(f -> errors.add(f.toJson()));
        return payload.put("errors", errors);
    }
}
