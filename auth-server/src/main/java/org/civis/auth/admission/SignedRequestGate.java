package org.civis.auth;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.civis.auth.cluster.ClusterMaps;
import org.civis.auth.cluster.LeasedWindowLimit;
import org.civis.auth.cluster.ReplayMemory;
import org.civis.auth.jose.RequestVerification;
import org.civis.auth.jose.SignedRequestVerifier;
import org.civis.auth.partner.ApiKeys;
import org.civis.auth.partner.Partner;
import org.civis.auth.partner.PartnerDirectory;
import org.civis.auth.partner.PartnerStatus;

/**
 * Everything a partner request must pass before its content is looked at, cheapest first: the
 * API key names a registered, active partner; the partner is under its rate limit; the body is a
 * JWS by one of its registered keys; the request time is within the window; and the transaction
 * id was not used before by this partner for this kind of request (remembered cluster-wide; the
 * record written before the answer is the final check).
 */
public final class SignedRequestGate {

    private final PartnerDirectory partners;
    private final SignedRequestVerifier verifier;
    private final ReplayMemory replays;
    private final LeasedWindowLimit rates;
    private final Duration window;
    private final Clock clock;

    public SignedRequestGate(
            PartnerDirectory partners,
            SignedRequestVerifier verifier,
            HazelcastInstance hazelcast,
            Duration window,
            Clock clock) {
        this.partners = partners;
        this.verifier = verifier;
        this.replays = new ReplayMemory(hazelcast, window);
        this.rates = new LeasedWindowLimit(
                hazelcast.getMap(ClusterMaps.RATES),
                () -> hazelcast.getCluster().getMembers().size(),
                clock);
        this.window = window;
        this.clock = clock;
    }

    /** Admits the request or fails with an {@link AuthRefusal}. {@code kind} separates replay scopes. */
    public Future<AdmittedRequest> admit(Optional<String> authorization, String body, String kind) {
        Optional<String> presented = authorization.flatMap(RequestFields::bearer);
        if (presented.isEmpty()) {
            return Future.failedFuture(new AuthRefusal(AuthError.API_KEY_MISSING));
        }
        String apiKey = presented.get();
        return ApiKeys.claimedPartner(apiKey)
                .map(id -> partners.find(id).compose(found -> found.map(partner -> admit(partner, apiKey, body, kind))
                        .orElseGet(() -> Future.failedFuture(new AuthRefusal(AuthError.PARTNER_UNKNOWN)))))
                .orElseGet(() -> Future.failedFuture(new AuthRefusal(AuthError.API_KEY_INVALID)));
    }

    private Future<AdmittedRequest> admit(Partner partner, String apiKey, String body, String kind) {
        if (!ApiKeys.matches(apiKey, partner.apiKeyDigest())) {
            return Future.failedFuture(new AuthRefusal(AuthError.API_KEY_INVALID));
        }
        if (partner.status() == PartnerStatus.SUSPENDED) {
            return Future.failedFuture(new AuthRefusal(AuthError.PARTNER_SUSPENDED));
        }
        return rates.tryAcquire(
                        "partner|" + partner.id().value(), partner.policy().requestsPerSecond())
                .compose(allowed -> allowed
                        ? verified(partner, body)
                        : Future.failedFuture(new AuthRefusal(AuthError.RATE_LIMITED)))
                .compose(request -> firstUse(request, kind));
    }

    private Future<AdmittedRequest> verified(Partner partner, String body) {
        RequestVerification verification = verifier.verify(body, partner.signingKeys());
        AuthError refusal =
                switch (verification.outcome()) {
                    case VALID -> null;
                    case MALFORMED -> AuthError.REQUEST_MALFORMED;
                    case ALGORITHM_NOT_ALLOWED -> AuthError.SIGNATURE_ALGORITHM_NOT_ALLOWED;
                    case KEY_UNKNOWN -> AuthError.SIGNING_KEY_UNKNOWN;
                    case SIGNATURE_INVALID -> AuthError.SIGNATURE_INVALID;
                };
        if (refusal != null) {
            return Future.failedFuture(new AuthRefusal(refusal));
        }
        var payload = verification.payload();
        Optional<String> transactionId = RequestFields.transactionId(payload.getValue("transactionId"));
        if (transactionId.isEmpty()) {
            return Future.failedFuture(new AuthRefusal(AuthError.REQUEST_INVALID, "transactionId"));
        }
        Instant requestTime;
        try {
            requestTime = Instant.parse(String.valueOf(payload.getValue("requestTime")));
        } catch (DateTimeException e) {
            return Future.failedFuture(new AuthRefusal(AuthError.REQUEST_INVALID, "requestTime"));
        }
        Duration skew = Duration.between(requestTime, clock.instant()).abs();
        if (skew.compareTo(window) > 0) {
            return Future.failedFuture(new AuthRefusal(AuthError.REQUEST_TIME_OUT_OF_WINDOW, "requestTime"));
        }
        return Future.succeededFuture(new AdmittedRequest(partner, transactionId.get(), requestTime, payload));
    }

    private Future<AdmittedRequest> firstUse(AdmittedRequest request, String kind) {
        return replays.firstUse(kind, request.partner().id().value(), request.transactionId())
                .compose(first -> first
                        ? Future.succeededFuture(request)
                        : Future.failedFuture(new AuthRefusal(AuthError.TRANSACTION_REPLAYED, "transactionId")));
    }
}
