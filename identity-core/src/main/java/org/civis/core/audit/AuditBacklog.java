package org.civis.core.audit;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * How far the chain is behind: how many entries wait in {@code audit_pending} and when the next one
 * to be chained was written. The count stops at {@link #COUNT_LIMIT}, so measuring a large backlog
 * (a chainer that has been failing for hours) stays one short index scan, not a table scan.
 */
public final class AuditBacklog {
    /** Past this many pending entries the count says "at least this many". */
    public static final int COUNT_LIMIT = 100_000;

    private static final String MEASURE = "select (select count(*) from (select 1 from audit_pending limit "
            + COUNT_LIMIT + ") p) as entries, (select at from audit_pending order by id limit 1) as oldest";

    /** Pending entries (at most {@link #COUNT_LIMIT}) and the write time of the oldest, if any. */
    public record Pending(long entries, Optional<OffsetDateTime> oldest) {}

    private final Pool pool;

    public AuditBacklog(Pool pool) {
        this.pool = pool;
    }

    public Future<Pending> measure() {
        return pool.query(MEASURE).execute().map(rows -> {
            Row row = rows.iterator().next();
            return new Pending(row.getLong("entries"), Optional.ofNullable(row.getOffsetDateTime("oldest")));
        });
    }
}
