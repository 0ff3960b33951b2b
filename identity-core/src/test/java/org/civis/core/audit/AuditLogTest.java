package org.civis.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.sql.SQLException;
import java.time.Clock;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.civis.core.storage.Await;
import org.civis.core.storage.PostgresServer;
import org.civis.core.storage.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditLogTest {
    private Vertx vertx;
    private PostgresServer database;
    private Pool pool;
    private SecretKey key;
    private AuditLog log;
    private AuditChainer chainer;

    @BeforeEach
    void setUp() throws Exception {
        vertx = Vertx.vertx();
        database = TestDatabase.fresh();
        pool = database.pool(vertx, 4);
        key = KeyGenerator.getInstance("HmacSHA256").generateKey();
        log = new AuditLog(Clock.systemUTC());
        chainer = new AuditChainer(key, pool);
    }

    @AfterEach
    void tearDown() {
        Await.result(pool.close());
        Await.result(vertx.close());
    }

    @Test
    void entriesAreNumberedInTheOrderTheyWereRecordedAndTheChainVerifies() {
        for (int i = 0; i < 5; i++) {
            append(AuditEvent.of("operator-7", AuditAction.IDENTITY_ISSUED, "28" + i)
                    .with("version", 1));
        }
        assertThat(Await.result(chainer.chainPending())).isEqualTo(5);
        assertThat(rows("select seq || ' ' || subject from audit_log order by seq"))
                .containsExactly("1 280", "2 281", "3 282", "4 283", "5 284");
        AuditVerification result = verify();
        assertThat(result.intact()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(5);
        assertThat(result.headHash()).hasSize(64);
    }

    @Test
    void anEmptyLogIsIntact() {
        assertThat(verify().intact()).isTrue();
        assertThat(verify().entriesChecked()).isZero();
    }

    @Test
    void concurrentAppendsStillFormOneChain() {
        var futures = new java.util.ArrayList<io.vertx.core.Future<Void>>();
        for (int i = 0; i < 40; i++) {
            AuditEvent event = AuditEvent.of("op", AuditAction.VID_CREATED, "s" + i);
            futures.add(pool.withTransaction(tx -> log.append(tx, event)));
        }
        Await.result(io.vertx.core.Future.all(futures));
        Await.result(io.vertx.core.Future.all(chainer.chainPending(), chainer.chainPending()));
        assertThat(verify().entriesChecked()).isEqualTo(40);
        assertThat(verify().intact()).isTrue();
    }

    @Test
    void entriesWaitAsPendingUntilChainedAndBatchesFollowOneAnother() {
        for (int i = 0; i < AuditChainer.BATCH + 3; i++) {
            append(AuditEvent.of("op", AuditAction.IDENTITY_READ, "s" + i));
        }
        AuditVerification before = verifyOnly();
        assertThat(before.pendingEntries()).isEqualTo(AuditChainer.BATCH + 3);
        assertThat(before.entriesChecked()).isZero();
        assertThat(Await.result(chainer.chainPending())).isEqualTo(AuditChainer.BATCH + 3);
        AuditVerification after = verify();
        assertThat(after.pendingEntries()).isZero();
        assertThat(after.entriesChecked()).isEqualTo(AuditChainer.BATCH + 3);
        assertThat(after.intact()).isTrue();
    }

    @Test
    void aRolledBackChangeLeavesNoEntry() {
        Throwable failed = Await.failure(pool.withTransaction(tx -> log.append(
                        tx, AuditEvent.of("op", AuditAction.IDENTITY_READ, "x"))
                .compose(v -> io.vertx.core.Future.failedFuture(new IllegalStateException("the change failed")))));
        assertThat(failed).hasMessage("the change failed");
        assertThat(Await.result(chainer.chainPending())).isZero();
    }

    @Test
    void anEditedRowIsReportedByItsSequenceNumber() throws Exception {
        for (int i = 0; i < 4; i++) {
            append(AuditEvent.of("op", AuditAction.IDENTITY_READ, "subject-" + i));
        }
        Await.result(chainer.chainPending());
        sqlAsIntruder("update audit_log set subject = 'someone-else' where seq = 3");

        AuditVerification result = verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(3);
        assertThat(result.problem()).isEqualTo(AuditVerification.Problem.HASH_MISMATCH);
        assertThat(result.entriesChecked()).isEqualTo(2);
    }

    @Test
    void aDeletedRowIsReportedAsAGap() throws Exception {
        for (int i = 0; i < 4; i++) {
            append(AuditEvent.of("op", AuditAction.IDENTITY_READ, "subject-" + i));
        }
        Await.result(chainer.chainPending());
        sqlAsIntruder("delete from audit_log where seq = 2");

        AuditVerification result = verify();
        assertThat(result.firstBrokenSeq()).isEqualTo(2);
        assertThat(result.problem()).isEqualTo(AuditVerification.Problem.SEQUENCE_GAP);
    }

    @Test
    void aCutTailIsReportedAgainstTheHead() throws Exception {
        for (int i = 0; i < 3; i++) {
            append(AuditEvent.of("op", AuditAction.IDENTITY_READ, "subject-" + i));
        }
        Await.result(chainer.chainPending());
        sqlAsIntruder("delete from audit_log where seq = 3");

        AuditVerification result = verify();
        assertThat(result.problem()).isEqualTo(AuditVerification.Problem.HEAD_MISMATCH);
        assertThat(result.firstBrokenSeq()).isEqualTo(3);
    }

    @Test
    void aChainRebuiltWithoutTheKeyDoesNotVerify() throws Exception {
        append(AuditEvent.of("op", AuditAction.IDENTITY_READ, "subject"));
        Await.result(chainer.chainPending());
        AuditVerifier withOtherKey =
                new AuditVerifier(KeyGenerator.getInstance("HmacSHA256").generateKey(), pool);
        assertThat(Await.result(withOtherKey.verify()).problem()).isEqualTo(AuditVerification.Problem.HASH_MISMATCH);
    }

    @Test
    void theDatabaseRefusesUpdatesAndDeletesOfAuditRows() {
        append(AuditEvent.of("op", AuditAction.IDENTITY_READ, "subject"));
        Await.result(chainer.chainPending());
        assertThatThrownBy(() -> sql("update audit_log set actor = 'x'")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql("delete from audit_log")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql("truncate audit_log")).hasMessageContaining("append-only");
    }

    private void append(AuditEvent event) {
        Await.result(pool.withTransaction(tx -> log.append(tx, event)));
    }

    private java.util.List<String> rows(String sql) {
        return Await.result(pool.query(sql).execute()).stream()
                .map(r -> r.getString(0))
                .toList();
    }

    /** Chains whatever is pending, then verifies: what a reader of the log sees. */
    private AuditVerification verify() {
        Await.result(chainer.chainPending());
        return verifyOnly();
    }

    private AuditVerification verifyOnly() {
        return Await.result(new AuditVerifier(key, pool).verify());
    }

    /** Someone with superuser rights who switches the guard off first. */
    private void sqlAsIntruder(String statement) throws SQLException {
        sql("alter table audit_log disable trigger user; " + statement + "; alter table audit_log enable trigger user");
    }

    private void sql(String statement) throws SQLException {
        try (var c = database.ownerConnection();
                var s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
