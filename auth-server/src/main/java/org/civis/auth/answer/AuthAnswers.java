package org.civis.auth.answer;

import com.nimbusds.jose.jwk.JWK;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.civis.auth.decision.AuthOutcome;
import org.civis.auth.otp.OtpRequests.OtpAnswer;
import org.civis.auth.partner.PartnerId;
import org.civis.auth.refusal.AuthFailure;
import org.civis.auth.transaction.TransactionId;

/**
 * Turns decisions into the signed answers partners receive: a compact JWS (EdDSA, the server's
 * key from {@code /.well-known/jwks.json}) over {@code transactionId}, {@code partnerId},
 * {@code authenticated}, {@code token}, {@code errors}; for a successful e-KYC, that JWS with the
 * released attributes, encrypted to the partner's key.
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

    public String authentication(PartnerId partner, TransactionId transactionId, AuthOutcome outcome) {
        JsonObject payload = envelope(Optional.of(partner), Optional.of(transactionId), outcome.failures())
                .put("authenticated", outcome.authenticated());
        outcome.token().ifPresent(token -> payload.put("token", token));
        return signer.sign(payload.encode());
    }

    /** The signed e-KYC answer, sealed to the partner's key when it carries attributes. */
    public String kyc(PartnerId partner, TransactionId transactionId, AuthOutcome outcome, Optional<JWK> partnerKey) {
        JsonObject payload = envelope(Optional.of(partner), Optional.of(transactionId), outcome.failures())
                .put("authenticated", outcome.authenticated());
        outcome.token().ifPresent(token -> payload.put("token", token));
        if (outcome.kycAttributes().isEmpty()) {
            return signer.sign(payload.encode());
        }
        payload.put("identity", outcome.kycAttributes().get());
        return sealer.sealFor(partnerKey.orElseThrow(), signer.sign(payload.encode()));
    }

    public String otp(PartnerId partner, TransactionId transactionId, OtpAnswer answer) {
        JsonObject payload = envelope(Optional.of(partner), Optional.of(transactionId), answer.failures())
                .put("sent", answer.failures().isEmpty())
                .put("maskedContacts", new JsonArray(answer.maskedContacts()));
        return signer.sign(payload.encode());
    }

    /**
     * The answer to a request refused without a decision (not admitted, or its decision not
     * recorded), naming the partner and the transaction as far as they are known.
     */
    public String refusal(
            Optional<PartnerId> partner, Optional<TransactionId> transactionId, List<AuthFailure> failures) {
        return signer.sign(envelope(partner, transactionId, failures)
                .put("authenticated", false)
                .encode());
    }

    private JsonObject envelope(
            Optional<PartnerId> partner, Optional<TransactionId> transactionId, List<AuthFailure> failures) {
        JsonObject payload = new JsonObject();
        transactionId.ifPresent(id -> payload.put("transactionId", id.value()));
        partner.ifPresent(id -> payload.put("partnerId", id.value()));
        payload.put("responseTime", clock.instant().toString());
        JsonArray errors = new JsonArray();
        failures.forEach(f -> errors.add(f.toJson()));
        return payload.put("errors", errors);
    }
}
