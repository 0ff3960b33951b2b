package org.civis.auth.transaction;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.civis.core.id.Uin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the record of each answered request before the answer goes out: {@link #record} completes
 * once the row is committed, so an answer a partner received is never lost to a crash, and a
 * transaction id is admitted once even if the replay memory in Hazelcast forgot it.
 *
 * <p>Group commit: one writer sends whatever has queued as one batch (one transaction, one disk
 * flush) as soon as the previous batch is committed. Idle, a record waits for its own commit only;
 * under load batches grow by themselves. The queue is bounded: past {@link #MAX_WAITING} records
 * (by default) a new one is refused at once ({@link Recorded#BACKLOGGED}) rather than held in memory.
 */
public final class AuthRecorder {
    /** How a record ended. Only {@link #WRITTEN} lets its answer go out as decided. */
    public enum Recorded {
        WRITTEN,
        /** Another record of this partner, kind and transaction id is already committed: a replay. */
        TRANSACTION_TAKEN,
        /** Too many records wait for the database; nothing was written. */
        BACKLOGGED
    }

    /** Enough for several seconds of a busy node's answers; a few megabytes at most. */
    public static final int MAX_WAITING = 20_000;

    private static final Logger LOG = LoggerFactory.getLogger(AuthRecorder.class);
    private static final int BATCH = 1_000;
    // A unique index covers the partner kinds (V6): a second admission of a transaction id writes no row.
    private static final String INSERT = "insert into auth_transactions (at, partner_id, transaction_id, kind, uin,"
            + " id_type, auth_types, success, errors) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
            + " on conflict do nothing returning id";

    private record Waiting(AuthRecord record, Promise<Recorded> done, Context context, long queuedAt) {}

    private final Pool pool;
    private final Queue<Waiting> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicBoolean writing = new AtomicBoolean();
    /** When the oldest record of the batch being written was queued; 0 between batches. */
    private volatile long batchQueuedAt;

    private final int maxWaiting;

    public AuthRecorder(Pool pool) {
        this(pool, MAX_WAITING);
    }

    /** {@code maxWaiting}: how many records may wait for their commit (in flight included). */
    public AuthRecorder(Pool pool, int maxWaiting) {
        this.pool = pool;
        this.maxWaiting = maxWaiting;
    }

    /**
     * Queues a record and completes, on the caller's context, once it is committed or known not to
     * be; fails only when the database does (the caller then answers that nothing was recorded).
     */
    public Future<Recorded> record(AuthRecord record) {
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            return Future.succeededFuture(Recorded.BACKLOGGED);
        }
        Promise<Recorded> done = Promise.promise();
        queue.add(new Waiting(record, done, Vertx.currentContext(), System.nanoTime()));
        writeIfIdle();
        return done.future();
    }

    /** How many records wait for their commit now. */
    public int waiting() {
        return waiting.get();
    }

    /** How long the oldest record not yet committed has waited, zero when none waits: the flush lag. */
    public Duration oldestWaiting() {
        long now = System.nanoTime();
        long inBatch = batchQueuedAt;
        Waiting next = queue.peek(); // the queue is newer than the batch being written
        long oldest = inBatch != 0 ? inBatch : next != null ? next.queuedAt() : now;
        return Duration.ofNanos(Math.max(0, now - oldest));
    }

    /** Waits until every queued record has been written (listeners are stopped first). */
    public void stop() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while ((waiting.get() > 0 || writing.get()) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        if (waiting.get() > 0) {
            LOG.warn("{} auth transactions were not written before the stop", waiting.get());
        }
    }

    private void writeIfIdle() {
        if (!queue.isEmpty() && writing.compareAndSet(false, true)) {
            writeBatch();
        }
    }

    private void writeBatch() {
        List<Waiting> batch = new ArrayList<>();
        Waiting next;
        while (batch.size() < BATCH && (next = queue.poll()) != null) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            writing.set(false);
            writeIfIdle(); // a record may have arrived after the poll and before the flag was cleared
            return;
        }
        batchQueuedAt = batch.get(0).queuedAt();
        // One batch is one implicit transaction (a single Sync), so it commits, and flushes, once.
        pool.preparedQuery(INSERT)
                .executeBatch(batch.stream().map(w -> row(w.record())).toList())
                .onComplete(written -> {
                    batchQueuedAt = 0;
                    if (written.succeeded()) {
                        settle(batch, written.result());
                    } else {
                        LOG.warn(
                                "{} auth transactions not written: {}",
                                batch.size(),
                                written.cause().getClass().getSimpleName());
                        batch.forEach(w -> finish(w, null, written.cause()));
                    }
                    writeBatch();
                });
    }

    private void settle(List<Waiting> batch, RowSet<Row> first) {
        RowSet<Row> rows = first;
        for (Waiting w : batch) {
            finish(w, rows.rowCount() == 1 ? Recorded.WRITTEN : Recorded.TRANSACTION_TAKEN, null);
            rows = rows.next();
        }
    }

    private void finish(Waiting w, Recorded outcome, Throwable failure) {
        waiting.decrementAndGet();
        Runnable complete = () -> {
            if (failure == null) {
                w.done().complete(outcome);
            } else {
                w.done().fail(failure);
            }
        };
        if (w.context() == null) {
            complete.run();
        } else {
            w.context().runOnContext(ignored -> complete.run());
        }
    }

    private static Tuple row(AuthRecord r) {
        return Tuple.tuple()
                .addOffsetDateTime(r.at().atOffset(ZoneOffset.UTC))
                .addString(r.requester())
                .addString(r.transactionId().value())
                .addString(r.kind().name())
                .addString(r.uin().map(Uin::value).orElse(null))
                .addString(r.idType().map(Enum::name).orElse(null))
                .addArrayOfString(
                        r.authTypes().stream().map(Enum::name).sorted().toArray(String[]::new))
                .addBoolean(r.success())
                .addArrayOfString(r.errors().stream().map(f -> f.code().name()).toArray(String[]::new));
    }
}
