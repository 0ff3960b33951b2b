package org.civis.auth;

import io.vertx.core.Future;
import org.civis.auth.transaction.AuthRecord;
import org.civis.auth.transaction.AuthRecorder;

/**
 * The last step before an answer: its record is committed, or the answer becomes a refusal. A
 * transaction id the database already holds is a replay that the replay memory missed (a rogue
 * member deleted the key, say), answered exactly as the gate answers one.
 */
public final class CommittedRecords {
    private CommittedRecords() {}

    /** Completes when {@code record} is committed; fails with an {@link AuthRefusal} otherwise. */
    public static Future<Void> commit(AuthRecorder recorder, AuthRecord record) {
        return recorder.record(record)
                .recover(e -> Future.failedFuture(new AuthRefusal(AuthError.TRANSACTION_NOT_RECORDED)))
                .compose(recorded -> switch (recorded) {
                    case WRITTEN -> Future.<Void>succeededFuture();
                    case TRANSACTION_TAKEN ->
                        Future.failedFuture(new AuthRefusal(AuthError.TRANSACTION_REPLAYED, "transactionId"));
                    case BACKLOGGED -> Future.failedFuture(new AuthRefusal(AuthError.TRANSACTION_NOT_RECORDED));
                });
    }
}
