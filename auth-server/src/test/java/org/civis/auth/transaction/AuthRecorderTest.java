package org.civis.auth.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.civis.auth.partner.PartnerId;
import org.civis.auth.transaction.AuthRecorder.Recorded;
import org.civis.core.lock.AuthType;
import org.civis.core.storage.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Records are committed in groups, once per partner kind and transaction id, and never pile up. */
class AuthRecorderTest {
    private final Vertx vertx = Vertx.vertx();
    private final Pool pool = TestDatabase.fresh().pool(vertx, 4);

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void aTransactionIdRecordedTwiceAtOnceIsWrittenOnceAndTheOtherIsTaken() throws Exception {
        AuthRecorder recorder = new AuthRecorder(pool);
        List<Future<Recorded>> results = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            results.add(recorder.record(record("bank", "t-1", AuthRecord.Kind.AUTH)));
        }
        results.add(recorder.record(record("bank", "t-1", AuthRecord.Kind.KYC)));
        results.add(recorder.record(record("resident", "portal-1", AuthRecord.Kind.RESIDENT)));
        results.add(recorder.record(record("resident", "portal-1", AuthRecord.Kind.RESIDENT)));

        List<Recorded> outcomes = new ArrayList<>();
        for (Future<Recorded> result : results) {
            outcomes.add(result.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS));
        }

        assertThat(outcomes.subList(0, 5)).containsOnlyOnce(Recorded.WRITTEN);
        assertThat(outcomes.subList(0, 5))
                .filteredOn(r -> r == Recorded.TRANSACTION_TAKEN)
                .hasSize(4);
        assertThat(outcomes.subList(5, 8)).containsOnly(Recorded.WRITTEN);
        assertThat(rows()).isEqualTo(4);
    }

    @Test
    void recordsBeyondTheQueueLimitAreRefusedAtOnceAndTheOthersAreWritten() throws Exception {
        AuthRecorder recorder = new AuthRecorder(pool, 3);
        List<Future<Recorded>> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            results.add(recorder.record(record("bank", "t-" + i, AuthRecord.Kind.AUTH)));
        }

        List<Recorded> outcomes = new ArrayList<>();
        for (Future<Recorded> result : results) {
            outcomes.add(result.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS));
        }

        assertThat(outcomes.subList(0, 3)).containsOnly(Recorded.WRITTEN);
        assertThat(outcomes.subList(3, 10)).containsOnly(Recorded.BACKLOGGED);
        assertThat(rows()).isEqualTo(3);
        assertThat(recorder.waiting()).isZero();
    }

    private long rows() throws Exception {
        return pool.query("select count(*) from auth_transactions")
                .execute()
                .map(rows -> rows.iterator().next().getLong(0))
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
    }

    private static AuthRecord record(String partner, String transaction, AuthRecord.Kind kind) {
        return new AuthRecord(
                Instant.now(),
                kind == AuthRecord.Kind.RESIDENT ? Optional.empty() : Optional.of(new PartnerId(partner)),
                new TransactionId(transaction),
                kind,
                Optional.empty(),
                Optional.empty(),
                Set.of(AuthType.DEMO),
                true,
                List.of());
    }
}
