package org.civis.oidc.flow;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.civis.auth.partner.PartnerId;
import org.civis.auth.refusal.AuthError;
import org.civis.auth.refusal.AuthFailure;
import org.civis.auth.transaction.AuthRecord;
import org.civis.auth.transaction.AuthRecorder;
import org.civis.auth.transaction.TransactionId;
import org.civis.auth.view.Resolution;
import org.civis.core.id.IndividualId;
import org.civis.core.id.Uin;
import org.civis.core.lock.AuthType;

/**
 * Each step of a sign-in that proves or fails a factor, as an {@link AuthRecord} of kind OIDC
 * naming the relying party, so the resident sees it in the auth history. A success counts only
 * once written ({@code true}); a failure is recorded on a best-effort basis and shown either way.
 */
public final class SignInRecords {
    private final AuthRecorder recorder;
    private final Clock clock;

    public SignInRecords(AuthRecorder recorder, Clock clock) {
        this.recorder = recorder;
        this.clock = clock;
    }

    Future<Boolean> identityRefused(PartnerId client, IndividualId.Type idType, Resolution resolution) {
        AuthFailure failure = resolution instanceof Resolution.Unresolved unresolved
                ? unresolved.failure()
                : AuthFailure.of(AuthError.IDENTITY_NOT_FOUND);
        return record(client, Optional.empty(), Optional.of(idType), AuthType.OTP, Optional.of(failure));
    }

    Future<Boolean> locked(SignInState state, Uin uin, IndividualId.Type idType, AuthType type) {
        return record(
                state.request().clientId(),
                Optional.of(uin),
                Optional.of(idType),
                type,
                Optional.of(AuthFailure.of(AuthError.AUTH_TYPE_LOCKED, type.name())));
    }

    /** {@code refusal} null: the code was right. */
    Future<Boolean> codeChecked(SignInState state, AuthError refusal) {
        return record(
                state.request().clientId(),
                state.uin(),
                state.idType(),
                AuthType.OTP,
                Optional.ofNullable(refusal).map(AuthFailure::of));
    }

    /** {@code refusal} null: the date of birth matched. */
    Future<Boolean> knowledgeChecked(SignInState state, AuthError refusal) {
        return record(
                state.request().clientId(),
                state.uin(),
                state.idType(),
                AuthType.DEMO,
                Optional.ofNullable(refusal).map(AuthFailure::of));
    }

    private Future<Boolean> record(
            PartnerId client,
            Optional<Uin> uin,
            Optional<IndividualId.Type> idType,
            AuthType type,
            Optional<AuthFailure> failure) {
        AuthRecord record = new AuthRecord(
                clock.instant(),
                Optional.of(client),
                new TransactionId("oidc-" + UUID.randomUUID()),
                AuthRecord.Kind.OIDC,
                uin,
                idType,
                Set.of(type),
                failure.isEmpty(),
                failure.map(List::of).orElse(List.of()));
        return recorder.record(record)
                .map(recorded -> recorded == AuthRecorder.Recorded.WRITTEN)
                .otherwise(false);
    }
}
