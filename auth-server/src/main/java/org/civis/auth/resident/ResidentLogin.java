package org.civis.auth.resident;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.civis.auth.AuthError;
import org.civis.auth.AuthFailure;
import org.civis.auth.AuthRefusal;
import org.civis.auth.CommittedRecords;
import org.civis.auth.IdentityResolver;
import org.civis.auth.otp.OtpCheck;
import org.civis.auth.otp.OtpService;
import org.civis.auth.transaction.AuthRecord;
import org.civis.auth.transaction.AuthRecorder;
import org.civis.auth.view.AuthViews;
import org.civis.core.lock.AuthType;

/**
 * Signs a resident in: the newest one-time password sent to the resident portal for this identity
 * must be right; then a session is opened. A deactivated or revoked identity cannot
 * sign in. Each attempt is recorded in the resident's history.
 */
public final class ResidentLogin {
    public static final String REQUESTER = "resident";

    /** A session token, or why there is none. */
    public record Login(Optional<String> sessionToken, List<AuthFailure> failures) {}

    private final IdentityResolver resolver;
    private final OtpService otps;
    private final ResidentSessions sessions;
    private final AuthRecorder recorder;
    private final Clock clock;

    public ResidentLogin(
            AuthViews views, OtpService otps, ResidentSessions sessions, AuthRecorder recorder, Clock clock) {
        this.resolver = new IdentityResolver(views);
        this.otps = otps;
        this.sessions = sessions;
        this.recorder = recorder;
        this.clock = clock;
    }

    public Future<Login> login(String transactionId, JsonObject payload) {
        Object otp = payload.getValue("otp");
        if (!(otp instanceof String code)) {
            return Future.succeededFuture(
                    new Login(Optional.empty(), List.of(AuthFailure.of(AuthError.REQUEST_INVALID, "otp"))));
        }
        return resolver.resolve(payload, clock.instant())
                .compose(identity -> otps.check(identity.view().identity(), REQUESTER, code)
                        .compose(check -> {
                            Future<Login> login = check == OtpCheck.VALID
                                    ? sessions.open(identity.view().identity())
                                            .map(token -> new Login(Optional.of(token), List.of()))
                                    : Future.succeededFuture(new Login(
                                            Optional.empty(),
                                            List.of(AuthFailure.of(AuthError.valueOf(check.name()), "otp"))));
                            return login.compose(result -> record(
                                            transactionId, identity.view().uin(), result)
                                    .map(result));
                        }))
                .recover(e -> e instanceof AuthRefusal refusal
                        ? Future.succeededFuture(new Login(Optional.empty(), refusal.failures()))
                        : Future.failedFuture(e));
    }

    private Future<Void> record(String transactionId, String uin, Login login) {
        return CommittedRecords.commit(
                recorder,
                new AuthRecord(
                        clock.instant(),
                        REQUESTER,
                        transactionId,
                        AuthRecord.Kind.RESIDENT,
                        Optional.of(uin),
                        Optional.empty(),
                        List.of(AuthType.OTP.name()),
                        login.failures().isEmpty(),
                        AuthFailure.codes(login.failures())));
    }
}
