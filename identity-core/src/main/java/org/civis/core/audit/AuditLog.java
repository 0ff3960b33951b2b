package org.civis.core.audit;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import javax.crypto.SecretKey;

/**
 * Appends entries inside the caller's transaction, so an entry exists exactly when the change it
 * records was committed. Appends are serialised by the lock on the chain's head row; callers make
 * the append their last statement to hold that lock as briefly as possible.
 */
public final class AuditLog {
  private final ChainHash chain;
  private final Clock clock;

  public AuditLog(SecretKey auditKey, Clock clock) {
    this.chain = new ChainHash(auditKey);
    this.clock = clock;
  }

  /** Appends one entry and returns its sequence number. */
  public Future<Long> append(SqlConnection tx, AuditEvent event) {
    return tx.query("select seq, hash from audit_head for update").execute()
        .compose(rows -> {
          Row head = rows.iterator().next();
          long seq = head.getLong("seq") + 1;
          byte[] previous = head.getBuffer("hash").getBytes();
          Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
          String action = event.action().name();
          String details = event.details().encode();
          byte[] hash = chain.link(previous, seq, at, event.actor(), action, event.subject(), details);
          Tuple row = Tuple.of(seq, at.atOffset(ZoneOffset.UTC), event.actor(), action, event.subject())
              .addString(details)
              .addBuffer(Buffer.buffer(previous))
              .addBuffer(Buffer.buffer(hash));
          return tx.preparedQuery("insert into audit_log (seq, at, actor, action, subject, details, prev_hash, hash)"
                  + " values ($1, $2, $3, $4, $5, $6, $7, $8)").execute(row)
              .compose(ignored -> tx.preparedQuery("update audit_head set seq = $1, hash = $2")
                  .execute(Tuple.of(seq, Buffer.buffer(hash))))
              .map(seq);
        });
  }

  ChainHash chain() {
    return chain;
  }
}
