package org.civis.auth.transaction;

import io.vertx.core.Future;
import org.civis.auth.refusal.AuthError;
import org.civis.auth.refusal.AuthFailure;

/**
 * The last step before an answer: its record is committed, or the answer becomes a refusal. A
 * transaction id the database already holds is a replay that the replay memory missed (a rogue
 * member deleted the key, say), answered exactly as admission answers one.
 */
public final class CommittedRecords {
    private CommittedRecords() {}

    /** {@code answer} once {@code record} is committed, else why it was not; fails only on a bug. */
    public static <T> Future<Committed<T>> commit(AuthRecorder recorder, AuthRecord record, T answer) {
        return recorder.record(record)
                .<Committed<T>>map(recorded -> switch (recorded) {
                    case WRITTEN -> new Committed.Answer<>(answer);
                    case TRANSACTION_TAKEN ->
                        new Committed.Unrecorded<T>(AuthFailure.of(AuthError.TRANSACTION_REPLAYED, "transactionId"));
                    case BACKLOGGED -> new Committed.Unrecorded<T>(AuthFailure.of(AuthError.TRANSACTION_NOT_RECORDED));
                })
                .otherwise(e -> new Committed.Unrecorded<>(AuthFailure.of(AuthError.TRANSACTION_NOT_RECORDED)));
    }
}
