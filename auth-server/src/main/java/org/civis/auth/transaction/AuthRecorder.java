package org.civis.auth.transaction;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the request path free of database writes: records are queued in memory and a timer writes
 * them in batches. A clean stop writes everything queued; a crash loses at most what was queued
 * since the last flush (one flush interval). A failed write keeps its records for the next flush.
 */
public final class AuthRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(AuthRecorder.class);
    private static final int BATCH = 1_000;
    private static final String INSERT = "insert into auth_transactions (at, partner_id, transaction_id, kind, uin,"
            + " id_type, auth_types, success, errors) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)";

    private final Pool pool;
    private final Queue<AuthRecord> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushing = new AtomicBoolean();
    private final Vertx vertx;
    private final long timer;

    public AuthRecorder(Vertx vertx, Pool pool, long flushMillis) {
        this.vertx = vertx;
        this.pool = pool;
        this.timer = vertx.setPeriodic(flushMillis, id -> flush());
    }

    /** Queues a record; returns at once. */
    public void record(AuthRecord record) {
        queue.add(record);
    }

    /** Writes what is queued now; one flush runs at a time. Completes when the queue has been written. */
    public Future<Void> flush() {
        if (!flushing.compareAndSet(false, true)) {
            return Future.succeededFuture();
        }
        return writeAll().onComplete(done -> flushing.set(false));
    }

    /** Stops the timer and writes everything still queued. */
    public void stop() throws Exception {
        vertx.cancelTimer(timer);
        while (!flushing.compareAndSet(false, true)) {
            Thread.sleep(10);
        }
        try {
            writeAll().toCompletionStage().toCompletableFuture().get();
        } finally {
            flushing.set(false);
        }
    }

    private Future<Void> writeAll() {
        List<AuthRecord> batch = new ArrayList<>();
        AuthRecord next;
        while (batch.size() < BATCH && (next = queue.poll()) != null) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return Future.succeededFuture();
        }
        return pool.preparedQuery(INSERT)
                .executeBatch(batch.stream().map(AuthRecorder::row).toList())
                .recover(e -> {
                    LOG.warn(
                            "auth transactions not written yet, retrying on the next flush: {}",
                            e.getClass().getSimpleName());
                    queue.addAll(batch);
                    return Future.failedFuture(e);
                })
                .compose(v -> writeAll());
    }

    private static Tuple row(AuthRecord r) {
        return Tuple.tuple()
                .addOffsetDateTime(r.at().atOffset(ZoneOffset.UTC))
                .addString(r.partnerId())
                .addString(r.transactionId())
                .addString(r.kind().name())
                .addString(r.uin().orElse(null))
                .addString(r.idType().orElse(null))
                .addArrayOfString(r.authTypes().toArray(String[]::new))
                .addBoolean(r.success())
                .addArrayOfString(r.errors().toArray(String[]::new));
    }
}
