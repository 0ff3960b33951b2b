package org.civis.auth.otp;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.civis.auth.demo.MatchData;
import org.civis.auth.partner.Partner;
import org.civis.auth.partner.PartnerId;
import org.civis.auth.refusal.AuthError;
import org.civis.auth.refusal.AuthFailure;
import org.civis.auth.refusal.Parsed;
import org.civis.auth.transaction.AuthRecord;
import org.civis.auth.transaction.AuthRecorder;
import org.civis.auth.transaction.Committed;
import org.civis.auth.transaction.CommittedRecords;
import org.civis.auth.transaction.TransactionId;
import org.civis.auth.view.AuthViews;
import org.civis.auth.view.IdentityResolver;
import org.civis.auth.view.Resolution;
import org.civis.auth.view.ResolvedIdentity;
import org.civis.core.id.IndividualId;
import org.civis.core.id.Uin;
import org.civis.core.lock.AuthType;

/**
 * Sends a one-time password for an identity, asked by a partner ({@code POST /v1/otp}) or by the
 * resident portal: the identity must be usable and its OTP auth type unlocked; the answer names
 * only masked contacts. Every request that named usable channels is recorded before it is answered.
 */
public final class OtpRequests {
    /** A code went out to these masked contacts, or the request was refused with these errors. */
    public record OtpAnswer(List<String> maskedContacts, List<AuthFailure> failures, Optional<Uin> uin) {
        public int httpStatus() {
            return failures.isEmpty() ? 200 : failures.get(0).code().status();
        }

        static OtpAnswer refused(AuthFailure failure, Optional<Uin> uin) {
            return new OtpAnswer(List.of(), List.of(failure), uin);
        }
    }

    private final IdentityResolver resolver;
    private final AuthViews views;
    private final OtpService otps;
    private final AuthRecorder recorder;
    private final Clock clock;

    public OtpRequests(AuthViews views, OtpService otps, AuthRecorder recorder, Clock clock) {
        this.resolver = new IdentityResolver(views);
        this.views = views;
        this.otps = otps;
        this.recorder = recorder;
        this.clock = clock;
    }

    /** A partner's request ({@code POST /v1/otp}): its policy must allow OTP authentication. */
    public Future<Committed<OtpAnswer>> sendForPartner(
            Partner partner,
            TransactionId transactionId,
            Parsed<IndividualId> individualId,
            Parsed<Set<ContactChannel>> channels) {
        if (!partner.policy().authTypes().contains(AuthType.OTP)) {
            // Refused before anything is looked up, so nothing to record: answered as it stands.
            return Future.succeededFuture(new Committed.Answer<>(OtpAnswer.refused(
                    AuthFailure.of(AuthError.AUTH_TYPE_NOT_ALLOWED, AuthType.OTP.name()), Optional.empty())));
        }
        return send(Optional.of(partner.id()), transactionId, individualId, channels);
    }

    /** The resident portal's request: the code is bound to the portal, not to any partner. */
    public Future<Committed<OtpAnswer>> sendForResident(
            TransactionId transactionId, Parsed<IndividualId> individualId, Parsed<Set<ContactChannel>> channels) {
        return send(Optional.empty(), transactionId, individualId, channels);
    }

    /** {@code partner} is empty for the resident portal. */
    private Future<Committed<OtpAnswer>> send(
            Optional<PartnerId> partner,
            TransactionId transactionId,
            Parsed<IndividualId> individualId,
            Parsed<Set<ContactChannel>> channels) {
        if (channels instanceof Parsed.Invalid<Set<ContactChannel>> invalid) {
            // Unusable channels are refused unrecorded, as before any identity is looked up.
            return Future.succeededFuture(
                    new Committed.Answer<>(OtpAnswer.refused(invalid.failure(), Optional.empty())));
        }
        Set<ContactChannel> chosen = ((Parsed.Value<Set<ContactChannel>>) channels).value();
        String requester = partner.map(PartnerId::value).orElse(AuthRecord.RESIDENT);
        Future<Resolution> resolution = individualId instanceof Parsed.Value<IndividualId> id
                ? resolver.resolve(id.value(), clock.instant())
                : Future.succeededFuture(
                        new Resolution.Unresolved(((Parsed.Invalid<IndividualId>) individualId).failure()));
        return resolution
                .compose(found -> found instanceof ResolvedIdentity identity
                        ? issue(identity, requester, chosen)
                        : Future.succeededFuture(
                                OtpAnswer.refused(((Resolution.Unresolved) found).failure(), Optional.empty())))
                .compose(answer -> CommittedRecords.commit(
                        recorder,
                        new AuthRecord(
                                clock.instant(),
                                partner,
                                transactionId,
                                partner.isPresent() ? AuthRecord.Kind.OTP : AuthRecord.Kind.RESIDENT,
                                answer.uin(),
                                Optional.empty(),
                                Set.of(AuthType.OTP),
                                answer.failures().isEmpty(),
                                answer.failures()),
                        answer));
    }

    private Future<OtpAnswer> issue(ResolvedIdentity identity, String requester, Set<ContactChannel> channels) {
        Uin uin = identity.view().uin();
        if (identity.view().lockedAt(AuthType.OTP, clock.instant())) {
            return Future.succeededFuture(
                    OtpAnswer.refused(AuthFailure.of(AuthError.AUTH_TYPE_LOCKED, "OTP"), Optional.of(uin)));
        }
        MatchData data = views.matchData(identity.view());
        return otps.issue(uin, requester, new Contacts(data.phone(), data.email()), channels)
                .map(issued -> switch (issued.status()) {
                    case SENT -> new OtpAnswer(issued.maskedContacts(), List.of(), Optional.of(uin));
                    case OTP_RATE_LIMITED -> refused(AuthError.OTP_RATE_LIMITED, uin);
                    case OTP_NO_CONTACT -> refused(AuthError.OTP_NO_CONTACT, uin);
                })
                // The gateway (or the cluster on the way to it) failed: the resident got no code.
                .otherwise(e -> refused(AuthError.OTP_DELIVERY_FAILED, uin));
    }

    private static OtpAnswer refused(AuthError error, Uin uin) {
        return OtpAnswer.refused(AuthFailure.of(error), Optional.of(uin));
    }
}
