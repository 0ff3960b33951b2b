package org.civis.auth.resident;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.civis.auth.otp.OtpService;
import org.civis.auth.refusal.AuthError;
import org.civis.auth.refusal.AuthFailure;
import org.civis.auth.refusal.Parsed;
import org.civis.auth.request.RequestParser;
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
 * Signs a resident in: the newest one-time password sent to the resident portal for this identity
 * must be right; then a session is opened. A deactivated or revoked identity cannot
 * sign in. Each attempt is recorded in the resident's history.
 */
public final class ResidentLogin {
    public static final String REQUESTER = AuthRecord.RESIDENT;

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

    public Future<Login> login(TransactionId transactionId, JsonObject payload) {
        Object otp = payload.getValue("otp");
        if (!(otp instanceof String code)) {
            return Future.succeededFuture(
                    new Login(Optional.empty(), List.of(AuthFailure.of(AuthError.REQUEST_INVALID, "otp"))));
        }
        Parsed<IndividualId> individualId = RequestParser.individualId(payload);
        if (individualId instanceof Parsed.Invalid<IndividualId> invalid) {
            return Future.succeededFuture(new Login(Optional.empty(), List.of(invalid.failure())));
        }
        return resolver.resolve(((Parsed.Value<IndividualId>) individualId).value(), clock.instant())
                .compose(resolution -> {
                    if (resolution instanceof Resolution.Unresolved unresolved) {
                        return Future.succeededFuture(new Login(Optional.empty(), List.of(unresolved.failure())));
                    }
                    Uin uin = ((ResolvedIdentity) resolution).view().uin();
                    return otps.check(uin, REQUESTER, code).compose(check -> {
                        Future<Login> login = check.refusal()
                                .map(error -> Future.succeededFuture(
                                        new Login(Optional.empty(), List.of(AuthFailure.of(error, "otp")))))
                                .orElseGet(() ->
                                        sessions.open(uin).map(token -> new Login(Optional.of(token), List.of())));
                        return login.compose(result -> record(transactionId, uin, result));
                    });
                });
    }

    /** The login once its record is committed; a refusal if it could not be. */
    private Future<Login> record(TransactionId transactionId, Uin uin, Login login) {
        return CommittedRecords.commit(
                        recorder,
                        new AuthRecord(
                                clock.instant(),
                                Optional.empty(),
                                transactionId,
                                AuthRecord.Kind.RESIDENT,
                                Optional.of(uin),
                                Optional.empty(),
                                Set.of(AuthType.OTP),
                                login.failures().isEmpty(),
                                login.failures()),
                        login)
                .map(committed -> committed instanceof Committed.Unrecorded<Login> unrecorded
                        ? new Login(Optional.empty(), List.of(unrecorded.failure()))
                        : login);
    }
}
