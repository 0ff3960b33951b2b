package org.civis.core.audit;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.SecretKey;

/**
 * Links pending entries into the chain, oldest first, a batch per transaction. The head row's lock
 * makes chaining single-file across nodes; the registry's own transactions never take it. The
 * server runs this every few hundred milliseconds and once more on shutdown.
 */
public final class AuditChainer {
    static final int BATCH = 2_000;
    private final ChainHash chain;
    private final Pool pool;

    public AuditChainer(SecretKey auditKey, Pool pool) {
        this.chain = new ChainHash(auditKey);
        this.pool = pool;
    }

    /** Chains everything pending now; the future holds how many entries were chained. */
    public Future<Integer> chainPending() {
        // Checked without the head lock: an idle node should not lock the chain four times a second.
        return pool.query("select exists (select 1 from audit_pending)")
                .execute()
                .compose(rows -> rows.iterator().next().getBoolean(0) ? chainBatches() : Future.succeededFuture(0));
    }

    private Future<Integer> chainBatches() {
        return chainBatch()
                .compose(chained -> chained < BATCH
                        ? Future.succeededFuture(chained)
                        : chainBatches().map(more -> chained + more));
    }

    private Future<Integer> chainBatch() {
        return pool.withTransaction(tx -> tx.query("select seq, hash from audit_head for update")
                .execute()
                .compose(head -> {
                    Row tip = head.iterator().next();
                    return tx.query(
                                    "select id, at, actor, action, subject, details from audit_pending order by id limit "
                                            + BATCH)
                            .execute()
                            .compose(pending -> link(
                                    tx,
                                    tip.getLong("seq"),
                                    tip.getBuffer("hash").getBytes(),
                                    pending));
                }));
    }

    private Future<Integer> link(SqlConnection tx, long seq, byte[] previous, Iterable<Row> pending) {
        List<Tuple> entries = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (Row row : pending) {
            seq++;
            Instant at = row.getOffsetDateTime("at").toInstant();
            byte[] hash = chain.link(
                    previous,
                    seq,
                    at,
                    row.getString("actor"),
                    row.getString("action"),
                    row.getString("subject"),
                    row.getString("details"));
            entries.add(Tuple.of(
                            seq,
                            row.getOffsetDateTime("at"),
                            row.getString("actor"),
                            row.getString("action"),
                            row.getString("subject"),
                            row.getString("details"))
                    .addBuffer(Buffer.buffer(previous))
                    .addBuffer(Buffer.buffer(hash)));
            ids.add(row.getLong("id"));
            previous = hash;
        }
        if (entries.isEmpty()) {
            return Future.succeededFuture(0);
        }
        long lastSeq = seq;
        byte[] lastHash = previous;
        return tx.preparedQuery("insert into audit_log (seq, at, actor, action, subject, details, prev_hash, hash)"
                        + " values ($1, $2, $3, $4, $5, $6, $7, $8)")
                .executeBatch(entries)
                .compose(v -> tx.preparedQuery("delete from audit_pending where id = any($1)")
                        .execute(Tuple.tuple().addArrayOfLong(ids.toArray(Long[]::new))))
                .compose(v -> tx.preparedQuery("update audit_head set seq = $1, hash = $2")
                        .execute(Tuple.of(lastSeq, Buffer.buffer(lastHash))))
                .map(entries.size());
    }
}
