package org.civis.auth.transaction;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Cursor;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.civis.auth.cluster.ReplayMemory;

/**
 * Reads the transaction ids admitted within the replay memory's span back from auth_transactions
 * into the replay memory, so that after a restart of any or all nodes a replay is refused at the
 * gate, before any work (no second code is sent). Run at start, before the listeners open.
 */
public final class ReplayWindow {
    /** What a start read back: how many transaction ids, and how long it took. */
    public record Loaded(long keys, long millis) {
        public JsonObject json() {
            return new JsonObject().put("loaded", true).put("keys", keys).put("millis", millis);
        }
    }

    private static final int CHUNK = 20_000;
    // The partner kinds only: resident portal rows are not replay-protected (see V6).
    private static final String RECENT = "select kind, partner_id, transaction_id, at from auth_transactions"
            + " where at > $1 and kind <> 'RESIDENT'";

    private final Pool pool;
    private final ReplayMemory memory;
    private final Clock clock;

    public ReplayWindow(Pool pool, ReplayMemory memory, Clock clock) {
        this.pool = pool;
        this.memory = memory;
        this.clock = clock;
    }

    /** Loads the window in chunks (a cursor, so a million rows never sit in memory at once). */
    public Future<Loaded> load() {
        long started = System.nanoTime();
        Instant now = clock.instant();
        Instant since = now.minus(memory.keepFor());
        // A cursor needs a transaction; it only reads.
        return pool.withTransaction(connection -> connection
                        .prepare(RECENT)
                        .compose(statement ->
                                readAll(statement.cursor(Tuple.of(since.atOffset(ZoneOffset.UTC))), now, 0)))
                .map(keys -> new Loaded(keys, (System.nanoTime() - started) / 1_000_000));
    }

    private Future<Long> readAll(Cursor cursor, Instant now, long sofar) {
        return cursor.read(CHUNK).compose(rows -> remember(rows, now)
                .compose(count -> cursor.hasMore()
                        ? readAll(cursor, now, sofar + count)
                        : cursor.close().map(sofar + count)));
    }

    private Future<Long> remember(RowSet<Row> rows, Instant now) {
        Map<String, Long> millisLeftByKey = new HashMap<>();
        for (Row row : rows) {
            Instant at = row.getOffsetDateTime("at").toInstant();
            long millisLeft = at.plus(memory.keepFor()).toEpochMilli() - now.toEpochMilli();
            if (millisLeft > 0) {
                millisLeftByKey.put(
                        ReplayMemory.key(
                                row.getString("kind"), row.getString("partner_id"), row.getString("transaction_id")),
                        millisLeft);
            }
        }
        long remembered = millisLeftByKey.size();
        return memory.rememberAll(millisLeftByKey).map(remembered);
    }
}
