package org.civis.auth;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.civis.auth.demo.MatchData;
import org.civis.auth.otp.ContactChannel;
import org.civis.auth.otp.Contacts;
import org.civis.auth.otp.OtpService;
import org.civis.auth.transaction.AuthRecord;
import org.civis.auth.transaction.AuthRecorder;
import org.civis.auth.view.AuthViews;
import org.civis.core.lock.AuthType;

/**
 * Sends a one-time password for an identity, asked by a partner ({@code POST /v1/otp}) or by the
 * resident portal: the identity must be usable and its OTP auth type unlocked; the answer names
 * only masked contacts.
 */
public final class OtpRequests {
    /** A code went out to these masked contacts, or the request was refused with these errors. */
    public record OtpAnswer(List<String> maskedContacts, List<AuthFailure> failures, Optional<String> uin) {
        public int httpStatus() {
            return failures.isEmpty() ? 200 : failures.get(0).code().status();
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
    public Future<OtpAnswer> sendForPartner(AdmittedRequest request) {
        if (!request.partner().policy().authTypes().contains(AuthType.OTP)) {
            return Future.succeededFuture(new OtpAnswer(
                    List.of(),
                    List.of(AuthFailure.of(AuthError.AUTH_TYPE_NOT_ALLOWED, AuthType.OTP.name())),
                    Optional.empty()));
        }
        return send(request.partner().id().value(), request.transactionId(), request.payload(), true);
    }

    /** {@code requester} is the partner id, or {@code resident} for the resident portal. */
    public Future<OtpAnswer> send(String requester, String transactionId, JsonObject payload, boolean partner) {
        Set<ContactChannel> channels;
        try {
            channels = channels(payload);
        } catch (AuthRefusal refusal) {
            return Future.succeededFuture(new OtpAnswer(List.of(), refusal.failures(), Optional.empty()));
        }
        return resolver.resolve(payload, clock.instant())
                .compose(identity -> {
                    if (identity.view().lockedAt(AuthType.OTP, clock.instant())) {
                        return Future.succeededFuture(new OtpAnswer(
                                List.of(),
                                List.of(AuthFailure.of(AuthError.AUTH_TYPE_LOCKED, "OTP")),
                                Optional.of(identity.view().uin())));
                    }
                    MatchData data = views.matchData(identity.view());
                    return otps.issue(
                                    identity.view().identity(),
                                    requester,
                                    new Contacts(data.phone(), data.email()),
                                    channels)
                            .map(issued -> switch (issued.status()) {
                                case SENT ->
                                    new OtpAnswer(
                                            issued.maskedContacts(),
                                            List.of(),
                                            Optional.of(identity.view().uin()));
                                case OTP_RATE_LIMITED -> refused(AuthError.OTP_RATE_LIMITED, identity);
                                case OTP_NO_CONTACT -> refused(AuthError.OTP_NO_CONTACT, identity);
                            })
                            .recover(e -> e instanceof AuthRefusal
                                    ? Future.failedFuture(e)
                                    : Future.succeededFuture(refused(AuthError.OTP_DELIVERY_FAILED, identity)));
                })
                .recover(e -> e instanceof AuthRefusal refusal
                        ? Future.succeededFuture(new OtpAnswer(List.of(), refusal.failures(), Optional.empty()))
                        : Future.failedFuture(e))
                .compose(answer -> CommittedRecords.commit(
                                recorder,
                                new AuthRecord(
                                        clock.instant(),
                                        requester,
                                        transactionId,
                                        partner ? AuthRecord.Kind.OTP : AuthRecord.Kind.RESIDENT,
                                        answer.uin(),
                                        Optional.empty(),
                                        List.of(AuthType.OTP.name()),
                                        answer.failures().isEmpty(),
                                        AuthFailure.codes(answer.failures())))
                        .map(answer));
    }

    private static OtpAnswer refused(AuthError error, ResolvedIdentity identity) {
        return new OtpAnswer(
                List.of(),
                List.of(AuthFailure.of(error)),
                Optional.of(identity.view().uin()));
    }

    private static Set<ContactChannel> channels(JsonObject payload) {
        Object value = payload.getValue("channels", new JsonArray().add("PHONE").add("EMAIL"));
        if (!(value instanceof JsonArray names) || names.isEmpty()) {
            throw new AuthRefusal(AuthError.REQUEST_INVALID, "channels");
        }
        Set<ContactChannel> channels = EnumSet.noneOf(ContactChannel.class);
        for (Object name : names) {
            try {
                channels.add(ContactChannel.valueOf(String.valueOf(name)));
            } catch (IllegalArgumentException e) {
                throw new AuthRefusal(AuthError.REQUEST_INVALID, "channels");
            }
        }
        return channels;
    }
}
