package org.civis.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.sql.DriverManager;
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

  @BeforeEach
  void setUp() throws Exception {
    vertx = Vertx.vertx();
    database = TestDatabase.fresh();
    pool = database.pool(vertx, 4);
    key = KeyGenerator.getInstance("HmacSHA256").generateKey();
    log = new AuditLog(key, Clock.systemUTC());
  }

  @AfterEach
  void tearDown() {
    Await.result(pool.close());
    Await.result(vertx.close());
  }

  @Test
  void entriesAreNumberedInOrderAndTheChainVerifies() {
    for (int i = 0; i < 5; i++) {
      long seq = append(AuditEvent.of("operator-7", AuditAction.IDENTITY_ISSUED, "28" + i).with("version", 1));
      assertThat(seq).isEqualTo(i + 1);
    }
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
    var futures = new java.util.ArrayList<io.vertx.core.Future<Long>>();
    for (int i = 0; i < 40; i++) {
      AuditEvent event = AuditEvent.of("op", AuditAction.VID_CREATED, "s" + i);
      futures.add(pool.withTransaction(tx -> log.append(tx, event)));
    }
    Await.result(io.vertx.core.Future.all(futures));
    assertThat(verify().entriesChecked()).isEqualTo(40);
    assertThat(verify().intact()).isTrue();
  }

  @Test
  void anEditedRowIsReportedByItsSequenceNumber() throws Exception {
    for (int i = 0; i < 4; i++) {
      append(AuditEvent.of("op", AuditAction.IDENTITY_READ, "subject-" + i));
    }
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
    sqlAsIntruder("delete from audit_log where seq = 3");

    AuditVerification result = verify();
    assertThat(result.problem()).isEqualTo(AuditVerification.Problem.HEAD_MISMATCH);
    assertThat(result.firstBrokenSeq()).isEqualTo(3);
  }

  @Test
  void aChainRebuiltWithoutTheKeyDoesNotVerify() throws Exception {
    append(AuditEvent.of("op", AuditAction.IDENTITY_READ, "subject"));
    AuditVerifier withOtherKey = new AuditVerifier(KeyGenerator.getInstance("HmacSHA256").generateKey(), pool);
    assertThat(Await.result(withOtherKey.verify()).problem()).isEqualTo(AuditVerification.Problem.HASH_MISMATCH);
  }

  @Test
  void theDatabaseRefusesUpdatesAndDeletesOfAuditRows() {
    append(AuditEvent.of("op", AuditAction.IDENTITY_READ, "subject"));
    assertThatThrownBy(() -> sql("update audit_log set actor = 'x'")).hasMessageContaining("append-only");
    assertThatThrownBy(() -> sql("delete from audit_log")).hasMessageContaining("append-only");
    assertThatThrownBy(() -> sql("truncate audit_log")).hasMessageContaining("append-only");
  }

  private long append(AuditEvent event) {
    return Await.result(pool.withTransaction(tx -> log.append(tx, event)));
  }

  private AuditVerification verify() {
    return Await.result(new AuditVerifier(key, pool).verify());
  }

  /** Someone with superuser rights who switches the guard off first. */
  private void sqlAsIntruder(String statement) throws SQLException {
    sql("alter table audit_log disable trigger user; " + statement + "; alter table audit_log enable trigger user");
  }

  private void sql(String statement) throws SQLException {
    try (var c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
        var s = c.createStatement()) {
      s.execute(statement);
    }
  }
}
