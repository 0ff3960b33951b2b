package org.civis.auth;

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
import org.civis.auth.demo.DemoResult;
import org.civis.auth.demo.DemographicMatcher;
import org.civis.auth.demo.FieldOutcome;
import org.civis.auth.demo.MatchStrategy;
import org.civis.auth.jose.FactorDecryptor;
import org.civis.auth.jose.PseudonymousTokens;
import org.civis.auth.otp.OtpCheck;
import org.civis.auth.otp.OtpService;
import org.civis.auth.partner.Partner;
import org.civis.auth.transaction.AuthRecord;
import org.civis.auth.transaction.AuthRecorder;
import org.civis.auth.view.AuthViews;
import org.civis.core.Registry;
import org.civis.core.id.Uin;
import org.civis.core.id.Vid;
import org.civis.core.lock.AuthType;

/**
 * Decides admitted authentication and e-KYC requests: policy, identity, locks, then every factor,
 * collecting all errors; records each decision; releases e-KYC attributes only on success, with
 * consent, within the policy.
 */
public final class AuthService {
    private final IdentityResolver resolver;
    private final AuthViews views;
    private final DemographicMatcher matcher;
    private final OtpService otps;
    private final BiometricAuthenticator biometrics;
    private final FactorDecryptor decryptor;
    private final PseudonymousTokens tokens;
    private final Registry registry;
    private final AuthRecorder recorder;
    private final Vertx vertx;
    private final Clock clock;

    public AuthService(
            AuthViews views,
            DemographicMatcher matcher,
            OtpService otps,
            BiometricAuthenticator biometrics,
            FactorDecryptor decryptor,
            PseudonymousTokens tokens,
            Registry registry,
            AuthRecorder recorder,
            Vertx vertx,
            Clock clock) {
        this.resolver = new IdentityResolver(views);
        this.views = views;
        this.matcher = matcher;
        this.otps = otps;
        this.biometrics = biometrics;
        this.decryptor = decryptor;
        this.tokens = tokens;
        this.registry = registry;
        this.recorder = recorder;
        this.vertx = vertx;
        this.clock = clock;
    }

    public Future<AuthOutcome> authenticate(AdmittedRequest request, boolean kyc) {
        Instant now = clock.instant();
        Partner partner = request.partner();
        RequestedFactors factors;
        Set<String> attributes;
        try {
            factors = RequestedFactors.read(request.payload(), decryptor);
            requireAllowed(partner, factors.authTypes());
            attributes = kyc ? KycRelease.attributes(request.payload(), partner.policy()) : Set.of();
        } catch (AuthRefusal refusal) {
            return record(request, kyc, AuthOutcome.refused(refusal.failures(), Optional.empty(), Set.of()));
        }
        Set<AuthType> types = factors.authTypes();
        return resolver.resolve(request.payload(), now)
                .compose(identity -> decide(request, factors, identity, now)
                        .compose(failures -> failures.isEmpty()
                                ? succeed(request, identity, types, attributes, kyc, now)
                                : Future.succeededFuture(AuthOutcome.refused(failures, Optional.of(identity), types))))
                .recover(e -> e instanceof AuthRefusal refusal
                        ? Future.succeededFuture(AuthOutcome.refused(refusal.failures(), Optional.empty(), types))
                        : Future.failedFuture(e))
                .compose(outcome -> record(request, kyc, outcome));
    }

    private static void requireAllowed(Partner partner, Set<AuthType> types) {
        List<AuthFailure> forbidden = types.stream()
                .filter(type -> !partner.policy().authTypes().contains(type))
                .map(type -> AuthFailure.of(AuthError.AUTH_TYPE_NOT_ALLOWED, type.name()))
                .toList();
        if (!forbidden.isEmpty()) {
            throw new AuthRefusal(forbidden);
        }
    }

    private Future<List<AuthFailure>> decide(
            AdmittedRequest request, RequestedFactors factors, ResolvedIdentity identity, Instant now) {
        List<AuthFailure> failures = new ArrayList<>();
        for (AuthType type : factors.authTypes()) {
            if (identity.view().lockedAt(type, now)) {
                failures.add(AuthFailure.of(AuthError.AUTH_TYPE_LOCKED, type.name()));
            }
        }
        if (!failures.isEmpty()) {
            return Future.succeededFuture(failures);
        }
        Future<List<AuthFailure>> demo = factors.demographics().isEmpty()
                ? Future.succeededFuture(List.of())
                : matchDemographics(request.partner(), factors, identity);
        Future<List<AuthFailure>> otp = factors.otp().isEmpty()
                ? Future.succeededFuture(List.of())
                : otps.check(
                                identity.view().identity(),
                                request.partner().id().value(),
                                factors.otp().get())
                        .map(check -> check == OtpCheck.VALID
                                ? List.<AuthFailure>of()
                                : List.of(AuthFailure.of(AuthError.valueOf(check.name()), "otp")));
        Future<List<AuthFailure>> bio = factors.biometrics()
                .map(factor ->
                        biometrics.check(factor, identity.view().identity(), views.fingerprints(identity.view())))
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
        JsonObject requested = factors.demographics().get();
        if (factors.strategy() == MatchStrategy.PHONETIC) {
            // Phonetic encoding of the presented name takes up to milliseconds: off the event loop.
            return vertx.executeBlocking(() -> demoFailures(match(partner, factors, identity, requested)), false);
        }
        return Future.succeededFuture(demoFailures(match(partner, factors, identity, requested)));
    }

    private DemoResult match(
            Partner partner, RequestedFactors factors, ResolvedIdentity identity, JsonObject requested) {
        return matcher.match(
                views.matchData(identity.view()),
                requested,
                factors.strategy(),
                factors.threshold(),
                partner.policy().nameMatching());
    }

    private static List<AuthFailure> demoFailures(DemoResult result) {
        return result.failures().stream()
                .map(f -> AuthFailure.of(
                        AuthError.valueOf(f.code().name()),
                        f.field().equals(FieldOutcome.REQUEST) ? "demographics" : "demographics." + f.field()))
                .toList();
    }

    private Future<AuthOutcome> succeed(
            AdmittedRequest request,
            ResolvedIdentity identity,
            Set<AuthType> types,
            Set<String> attributes,
            boolean kyc,
            Instant now) {
        Uin uin = identity.view().identity();
        Future<Boolean> counted = identity.vid().filter(v -> v.limitedUses()).isPresent()
                ? registry.vids().recordUse(new Vid(identity.vid().get().vid()), uin, now)
                : Future.succeededFuture(true);
        return counted.compose(usable -> {
            if (!usable) {
                return Future.succeededFuture(AuthOutcome.refused(
                        List.of(AuthFailure.of(AuthError.VID_USED_UP)), Optional.of(identity), types));
            }
            String token = tokens.tokenFor(request.partner().id().value(), uin);
            Future<Optional<JsonObject>> released = kyc
                    ? registry.identities()
                            .read(uin, "partner:" + request.partner().id().value())
                            .map(found -> Optional.of(KycRelease.select(found.fields(), attributes)))
                    : Future.succeededFuture(Optional.empty());
            return released.map(kycData -> new AuthOutcome(
                    true,
                    List.of(),
                    Optional.of(uin.value()),
                    Optional.of(identity.idType()),
                    types,
                    Optional.of(token),
                    kycData));
        });
    }

    /** The outcome once its record is committed; a refusal if the transaction id was taken meanwhile. */
    private Future<AuthOutcome> record(AdmittedRequest request, boolean kyc, AuthOutcome outcome) {
        return CommittedRecords.commit(
                        recorder,
                        new AuthRecord(
                                clock.instant(),
                                request.partner().id().value(),
                                request.transactionId(),
                                kyc ? AuthRecord.Kind.KYC : AuthRecord.Kind.AUTH,
                                outcome.uin(),
                                outcome.idType(),
                                outcome.authTypes().stream()
                                        .map(Enum::name)
                                        .sorted()
                                        .toList(),
                                outcome.authenticated(),
                                AuthFailure.codes(outcome.failures())))
                .map(outcome);
    }
}
