package org.civis.auth.decision;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.civis.auth.bio.BiometricAuthenticator;
import org.civis.auth.decision.KycRelease.Verdict;
import org.civis.auth.demo.DemoCode;
import org.civis.auth.demo.DemoResult;
import org.civis.auth.demo.DemographicMatcher;
import org.civis.auth.demo.FieldOutcome;
import org.civis.auth.demo.MatchStrategy;
import org.civis.auth.otp.OtpService;
import org.civis.auth.partner.Partner;
import org.civis.auth.pseudonym.PseudonymousTokens;
import org.civis.auth.refusal.AuthError;
import org.civis.auth.refusal.AuthFailure;
import org.civis.auth.refusal.Parsed;
import org.civis.auth.request.PartnerRequest.AuthRequest;
import org.civis.auth.request.RequestKind;
import org.civis.auth.request.RequestedFactors;
import org.civis.auth.transaction.AuthRecord;
import org.civis.auth.transaction.AuthRecorder;
import org.civis.auth.transaction.Committed;
import org.civis.auth.transaction.CommittedRecords;
import org.civis.auth.view.AuthViews;
import org.civis.auth.view.IdentityResolver;
import org.civis.auth.view.Resolution;
import org.civis.auth.view.ResolvedIdentity;
import org.civis.core.id.IndividualId;
import org.civis.core.id.Uin;
import org.civis.core.id.Vid;
import org.civis.core.identity.IdentityService;
import org.civis.core.lock.AuthType;
import org.civis.core.vid.VidService;

/**
 * Decides admitted authentication and e-KYC requests (the steps are listed in {@link #decide}):
 * what the request asks must be readable and allowed, the identity usable and unlocked; then every
 * factor is checked, collecting all errors. Each decision is recorded before it is answered; e-KYC
 * attributes are released only on success, with consent, within the policy.
 */
public final class AuthDecision {
    private final IdentityResolver resolver;
    private final AuthViews views;
    private final DemographicMatcher matcher;
    private final OtpService otps;
    private final BiometricAuthenticator biometrics;
    private final PseudonymousTokens tokens;
    private final VidService vids;
    private final IdentityService identities;
    private final AuthRecorder recorder;
    private final Vertx vertx;
    private final Clock clock;

    public AuthDecision(
            AuthViews views,
            DemographicMatcher matcher,
            OtpService otps,
            BiometricAuthenticator biometrics,
            PseudonymousTokens tokens,
            VidService vids,
            IdentityService identities,
            AuthRecorder recorder,
            Vertx vertx,
            Clock clock) {
        this.resolver = new IdentityResolver(views);
        this.views = views;
        this.matcher = matcher;
        this.otps = otps;
        this.biometrics = biometrics;
        this.tokens = tokens;
        this.vids = vids;
        this.identities = identities;
        this.recorder = recorder;
        this.vertx = vertx;
        this.clock = clock;
    }

    /**
     * The steps, in order. Steps 1 to 3 refuse on the request alone (recorded with no auth type);
     * step 4 on the identity; steps 5 and 6 collect every error they find. The answer is given only
     * once its record is committed (step 9), else the request is refused as not recorded.
     */
    public Future<Committed<AuthOutcome>> decide(Partner partner, AuthRequest request) {
        Instant now = clock.instant();
        // 1. The factors are readable: FACTORS_UNREADABLE, NO_FACTORS, REQUEST_INVALID factors.*
        if (request.factors() instanceof Parsed.Invalid<RequestedFactors> unreadable) {
            return record(partner, request, refused(List.of(unreadable.failure()), Set.of()));
        }
        RequestedFactors factors = ((Parsed.Value<RequestedFactors>) request.factors()).value();
        // 2. The partner's policy allows each auth type: AUTH_TYPE_NOT_ALLOWED, one per type
        List<AuthFailure> forbidden = forbiddenTypes(partner, factors.authTypes());
        if (!forbidden.isEmpty()) {
            return record(partner, request, refused(forbidden, Set.of()));
        }
        // 3. For e-KYC: policy, consent, attributes: KYC_NOT_ALLOWED, KYC_CONSENT_MISSING, KYC_ATTRIBUTE_NOT_ALLOWED
        Verdict kyc = KycRelease.attributes(request.kyc(), partner);
        if (kyc instanceof Verdict.Refuse refuse) {
            return record(partner, request, refused(refuse.failures(), Set.of()));
        }
        Set<String> attributes = ((Verdict.Release) kyc).attributes();
        Set<AuthType> types = factors.authTypes();
        // 4. The identity is usable: REQUEST_INVALID individualId, IDENTITY_*, VID_*
        return identity(request.individualId(), now)
                .compose(resolution -> {
                    if (resolution instanceof Resolution.Unresolved unresolved) {
                        return Future.succeededFuture(refused(List.of(unresolved.failure()), types));
                    }
                    ResolvedIdentity identity = (ResolvedIdentity) resolution;
                    // 5. No auth type is locked (AUTH_TYPE_LOCKED), then 6. every factor matches
                    return checkFactors(partner, factors, identity, now)
                            .compose(failures -> failures.isEmpty()
                                    // 7. A limited VID has a use left, 8. the token and e-KYC attributes
                                    ? succeed(partner, identity, types, attributes, request.kind(), now)
                                    : Future.succeededFuture(
                                            AuthOutcome.refused(failures, Optional.of(identity), types)));
                })
                // 9. The decision is recorded before it is answered
                .compose(outcome -> record(partner, request, outcome));
    }

    private Future<Resolution> identity(Parsed<IndividualId> individualId, Instant now) {
        if (individualId instanceof Parsed.Invalid<IndividualId> invalid) {
            return Future.succeededFuture(new Resolution.Unresolved(invalid.failure()));
        }
        return resolver.resolve(((Parsed.Value<IndividualId>) individualId).value(), now);
    }

    private static List<AuthFailure> forbiddenTypes(Partner partner, Set<AuthType> types) {
        return types.stream()
                .filter(type -> !partner.policy().authTypes().contains(type))
                .map(type -> AuthFailure.of(AuthError.AUTH_TYPE_NOT_ALLOWED, type.name()))
                .toList();
    }

    private Future<List<AuthFailure>> checkFactors(
            Partner partner, RequestedFactors factors, ResolvedIdentity identity, Instant now) {
        List<AuthFailure> failures = new ArrayList<>();
        for (AuthType type : factors.authTypes()) {
            if (identity.view().lockedAt(type, now)) {
                failures.add(AuthFailure.of(AuthError.AUTH_TYPE_LOCKED, type.name()));
            }
        }
        if (!failures.isEmpty()) {
            return Future.succeededFuture(failures);
        }
        Uin uin = identity.view().uin();
        Future<List<AuthFailure>> demo = factors.demographics().isEmpty()
                ? Future.succeededFuture(List.of())
                : matchDemographics(partner, factors, identity);
        Future<List<AuthFailure>> otp = factors.otp().isEmpty()
                ? Future.succeededFuture(List.of())
                : otps.check(uin, partner.id().value(), factors.otp().get()).map(check -> check.refusal()
                        .map(error -> List.of(AuthFailure.of(error, "otp")))
                        .orElse(List.of()));
        Future<List<AuthFailure>> bio = factors.biometrics()
                .map(factor -> biometrics.check(factor, uin, views.fingerprints(identity.view())))
                .orElseGet(() -> Future.succeededFuture(List.of()));
        return Future.all(demo, otp, bio).map(all -> {
            failures.addAll(demo.result());
            failures.addAll(otp.result());
            failures.addAll(bio.result());
            return failures;
        });
    }

    private Future<List<AuthFailure>> matchDemographics(
            Partner partner, RequestedFactors factors, ResolvedIdentity identity) {
        if (factors.strategy() == MatchStrategy.PHONETIC) {
            // Phonetic encoding of the presented name takes up to milliseconds: off the event loop.
            return vertx.executeBlocking(() -> demoFailures(match(partner, factors, identity)), false);
        }
        return Future.succeededFuture(demoFailures(match(partner, factors, identity)));
    }

    private DemoResult match(Partner partner, RequestedFactors factors, ResolvedIdentity identity) {
        return matcher.match(
                views.matchData(identity.view()),
                factors.demographics().get(),
                factors.strategy(),
                factors.threshold(),
                partner.policy().nameMatching());
    }

    private static List<AuthFailure> demoFailures(DemoResult result) {
        return result.failures().stream()
                .map(f -> AuthFailure.of(
                        demoError(f.code()),
                        f.field().equals(FieldOutcome.REQUEST) ? "demographics" : "demographics." + f.field()))
                .toList();
    }

    private static AuthError demoError(DemoCode code) {
        return switch (code) {
            case DEMO_MISMATCH -> AuthError.DEMO_MISMATCH;
            case DEMO_FIELD_UNKNOWN -> AuthError.DEMO_FIELD_UNKNOWN;
            case DEMO_FIELD_INVALID -> AuthError.DEMO_FIELD_INVALID;
            case DEMO_NO_FIELDS -> AuthError.DEMO_NO_FIELDS;
            case DEMO_STRATEGY_NOT_ALLOWED -> AuthError.DEMO_STRATEGY_NOT_ALLOWED;
            case DEMO_THRESHOLD_INVALID -> AuthError.DEMO_THRESHOLD_INVALID;
            case MATCHED -> throw new IllegalStateException("a matched field is not a failure");
        };
    }

    private Future<AuthOutcome> succeed(
            Partner partner,
            ResolvedIdentity identity,
            Set<AuthType> types,
            Set<String> attributes,
            RequestKind kind,
            Instant now) {
        Uin uin = identity.view().uin();
        Future<Boolean> counted = identity.vid().filter(v -> v.limitedUses()).isPresent()
                ? vids.recordUse(new Vid(identity.vid().get().vid()), uin, now)
                : Future.succeededFuture(true);
        return counted.compose(usable -> {
            if (!usable) {
                return Future.succeededFuture(AuthOutcome.refused(
                        List.of(AuthFailure.of(AuthError.VID_USED_UP)), Optional.of(identity), types));
            }
            String token = tokens.tokenFor(partner.id(), uin);
            Future<Optional<JsonObject>> released = kind == RequestKind.KYC
                    ? identities
                            .read(uin, "partner:" + partner.id().value())
                            .map(found -> Optional.of(
                                    KycRelease.select(found.orElseThrow().fields(), attributes)))
                    : Future.succeededFuture(Optional.empty());
            return released.map(kycData -> new AuthOutcome(
                    true,
                    List.of(),
                    Optional.of(uin),
                    Optional.of(identity.idType()),
                    types,
                    Optional.of(token),
                    kycData));
        });
    }

    private static AuthOutcome refused(List<AuthFailure> failures, Set<AuthType> types) {
        return AuthOutcome.refused(failures, Optional.empty(), types);
    }

    private Future<Committed<AuthOutcome>> record(Partner partner, AuthRequest request, AuthOutcome outcome) {
        return CommittedRecords.commit(
                recorder,
                new AuthRecord(
                        clock.instant(),
                        Optional.of(partner.id()),
                        request.transactionId(),
                        recordKind(request.kind()),
                        outcome.uin(),
                        outcome.idType(),
                        outcome.authTypes(),
                        outcome.authenticated(),
                        outcome.failures()),
                outcome);
    }

    private static AuthRecord.Kind recordKind(RequestKind kind) {
        return switch (kind) {
            case AUTH -> AuthRecord.Kind.AUTH;
            case KYC -> AuthRecord.Kind.KYC;
            case OTP -> AuthRecord.Kind.OTP;
        };
    }
}
