package org.civis.auth.admission;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.civis.auth.admission.Stages.Step;
import org.civis.auth.cluster.ClusterMaps;
import org.civis.auth.cluster.LeasedWindowLimit;
import org.civis.auth.cluster.ReplayMemory;
import org.civis.auth.partner.ApiKeys;
import org.civis.auth.partner.Partner;
import org.civis.auth.partner.PartnerDirectory;
import org.civis.auth.partner.PartnerId;
import org.civis.auth.partner.PartnerStatus;
import org.civis.auth.refusal.AuthError;
import org.civis.auth.refusal.AuthFailure;
import org.civis.auth.refusal.Parsed;
import org.civis.auth.request.PartnerRequest;
import org.civis.auth.request.RequestFields;
import org.civis.auth.request.RequestKind;
import org.civis.auth.request.RequestParser;
import org.civis.auth.transaction.TransactionId;

/**
 * Everything a partner request must pass before a decision is made on it, cheapest first (see
 * {@link #admit}). The transaction id is remembered cluster-wide per partner and kind; the record
 * written before the answer is the final check against a replay. Refusals are values; the future
 * fails only when the cluster does.
 */
public final class Admission {
    private final PartnerDirectory partners;
    private final SignedRequestVerifier verifier;
    private final RequestParser parser;
    private final ReplayMemory replays;
    private final LeasedWindowLimit rates;
    private final Duration window;
    private final Clock clock;

    public Admission(
            PartnerDirectory partners,
            SignedRequestVerifier verifier,
            RequestParser parser,
            HazelcastInstance hazelcast,
            Duration window,
            Clock clock) {
        this.partners = partners;
        this.verifier = verifier;
        this.parser = parser;
        this.replays = new ReplayMemory(hazelcast, window);
        this.rates = new LeasedWindowLimit(
                hazelcast.getMap(ClusterMaps.RATES),
                () -> hazelcast.getCluster().getMembers().size(),
                clock);
        this.window = window;
        this.clock = clock;
    }

    /**
     * The stages, in order; the first refusal is the answer:
     *
     * <ol>
     *   <li>API key: API_KEY_MISSING, API_KEY_INVALID
     *   <li>partner: PARTNER_UNKNOWN, API_KEY_INVALID, PARTNER_SUSPENDED
     *   <li>rate: RATE_LIMITED
     *   <li>signature: REQUEST_MALFORMED, SIGNATURE_ALGORITHM_NOT_ALLOWED, SIGNING_KEY_UNKNOWN, SIGNATURE_INVALID
     *   <li>parse: REQUEST_INVALID (transactionId, then requestTime); the rest is parsed for the decision
     *   <li>time window: REQUEST_TIME_OUT_OF_WINDOW
     *   <li>replay: TRANSACTION_REPLAYED
     * </ol>
     */
    public Future<AdmissionResult> admit(RequestKind kind, Optional<String> authorization, String body) {
        return Stages.end(Stages.start(authorization)
                .then(this::apiKey)
                .then(this::partner)
                .then(this::rate)
                .then(partner -> signature(partner, body))
                .then(signed -> parse(kind, signed))
                .then(this::timeWindow)
                .then(this::firstUse));
    }

    private record Claim(PartnerId partner, String apiKey) {
        @Override
        public String toString() {
            return "Claim[" + partner + "]"; // never the key
        }
    }

    private record Signed(Partner partner, JsonObject payload) {}

    private Future<Step<Claim>> apiKey(Optional<String> authorization) {
        Optional<String> presented = authorization.flatMap(RequestFields::bearer);
        if (presented.isEmpty()) {
            return Stages.stop(anonymous(AuthError.API_KEY_MISSING));
        }
        return ApiKeys.claimedPartner(presented.get())
                .map(id -> Stages.pass(new Claim(id, presented.get())))
                .orElseGet(() -> Stages.stop(anonymous(AuthError.API_KEY_INVALID)));
    }

    /** Until the key matches, the partner it names is only a claim, and is not named in the answer. */
    private Future<Step<Partner>> partner(Claim claim) {
        return partners.find(claim.partner()).compose(found -> {
            if (found.isEmpty()) {
                return Stages.stop(anonymous(AuthError.PARTNER_UNKNOWN));
            }
            Partner partner = found.get();
            if (!ApiKeys.matches(claim.apiKey(), partner.apiKeyDigest())) {
                return Stages.stop(anonymous(AuthError.API_KEY_INVALID));
            }
            if (partner.status() == PartnerStatus.SUSPENDED) {
                return Stages.stop(refusal(partner, Optional.empty(), AuthFailure.of(AuthError.PARTNER_SUSPENDED)));
            }
            return Stages.pass(partner);
        });
    }

    private Future<Step<Partner>> rate(Partner partner) {
        return rates.tryAcquire(
                        "partner|" + partner.id().value(), partner.policy().requestsPerSecond())
                .compose(allowed -> allowed
                        ? Stages.pass(partner)
                        : Stages.stop(refusal(partner, Optional.empty(), AuthFailure.of(AuthError.RATE_LIMITED))));
    }

    private Future<Step<Signed>> signature(Partner partner, String body) {
        RequestVerification verification = verifier.verify(body, partner.signingKeys());
        Optional<AuthError> refused =
                switch (verification.outcome()) {
                    case VALID -> Optional.empty();
                    case MALFORMED -> Optional.of(AuthError.REQUEST_MALFORMED);
                    case ALGORITHM_NOT_ALLOWED -> Optional.of(AuthError.SIGNATURE_ALGORITHM_NOT_ALLOWED);
                    case KEY_UNKNOWN -> Optional.of(AuthError.SIGNING_KEY_UNKNOWN);
                    case SIGNATURE_INVALID -> Optional.of(AuthError.SIGNATURE_INVALID);
                };
        return refused.isPresent()
                ? Stages.stop(refusal(partner, Optional.empty(), AuthFailure.of(refused.get())))
                : Stages.pass(new Signed(partner, verification.payload()));
    }

    /** The transaction id first: a refusal of anything after it names the transaction. */
    private Future<Step<AdmittedRequest>> parse(RequestKind kind, Signed signed) {
        Parsed<TransactionId> id = RequestParser.transactionId(signed.payload());
        if (id instanceof Parsed.Invalid<TransactionId> invalid) {
            return Stages.stop(refusal(signed.partner(), Optional.empty(), invalid.failure()));
        }
        TransactionId transactionId = ((Parsed.Value<TransactionId>) id).value();
        Parsed<Instant> time = RequestParser.requestTime(signed.payload());
        if (time instanceof Parsed.Invalid<Instant> invalid) {
            return Stages.stop(refusal(signed.partner(), Optional.of(transactionId), invalid.failure()));
        }
        Instant requestTime = ((Parsed.Value<Instant>) time).value();
        PartnerRequest request = parser.parse(kind, transactionId, requestTime, signed.payload());
        return Stages.pass(new AdmittedRequest(signed.partner(), request));
    }

    private Future<Step<AdmittedRequest>> timeWindow(AdmittedRequest admitted) {
        Duration skew = Duration.between(admitted.request().requestTime(), clock.instant())
                .abs();
        return skew.compareTo(window) > 0
                ? Stages.stop(refusal(admitted, AuthFailure.of(AuthError.REQUEST_TIME_OUT_OF_WINDOW, "requestTime")))
                : Stages.pass(admitted);
    }

    private Future<Step<AdmittedRequest>> firstUse(AdmittedRequest admitted) {
        PartnerRequest request = admitted.request();
        return replays.firstUse(
                        request.kind().replayScope(),
                        admitted.partner().id().value(),
                        request.transactionId().value())
                .compose(first -> first
                        ? Stages.pass(admitted)
                        : Stages.stop(
                                refusal(admitted, AuthFailure.of(AuthError.TRANSACTION_REPLAYED, "transactionId"))));
    }

    private static PartnerRefusal anonymous(AuthError error) {
        return new PartnerRefusal(Optional.empty(), Optional.empty(), List.of(AuthFailure.of(error)));
    }

    private static PartnerRefusal refusal(Partner partner, Optional<TransactionId> transactionId, AuthFailure failure) {
        return new PartnerRefusal(Optional.of(partner.id()), transactionId, List.of(failure));
    }

    private static PartnerRefusal refusal(AdmittedRequest admitted, AuthFailure failure) {
        return refusal(admitted.partner(), Optional.of(admitted.request().transactionId()), failure);
    }
}
