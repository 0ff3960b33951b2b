package org.civis.core.dedup;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.civis.core.id.Uin;

/** The demographic blind index in PostgreSQL: find identities that share a key, and keep keys current. */
public final class DemographicIndex {
    static final String KIND = "demo";

    /**
     * Locks the keys for the rest of the transaction, then returns identities holding any of them.
     * The transaction-scoped advisory locks make two concurrent enrollments of the same person
     * queue here, so the second one sees the first one's committed keys.
     */
    public Future<List<Uin>> lockAndFindMatches(SqlConnection tx, List<DemographicKeys.DedupKey> keys) {
        if (keys.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        // Always in ascending order, so two transactions never wait on each other's locks in a cycle.
        Long[] lockNumbers = keys.stream()
                .map(DemographicKeys.DedupKey::lockNumber)
                .distinct()
                .sorted(Comparator.naturalOrder())
                .toArray(Long[]::new);
        return tx.preparedQuery("select pg_advisory_xact_lock(n) from unnest($1::bigint[]) with ordinality as t(n, i)"
                        + " order by i")
                .execute(Tuple.tuple().addArrayOfLong(lockNumbers))
                .compose(locked -> tx.preparedQuery("select distinct uin from blind_indexes where kind = $1"
                                + " and digest = any($2) order by uin")
                        .execute(Tuple.tuple().addString(KIND).addArrayOfBuffer(digests(keys))))
                .map(rows -> {
                    List<Uin> matches = new ArrayList<>();
                    for (Row row : rows) {
                        matches.add(new Uin(row.getString("uin")));
                    }
                    return matches;
                });
    }

    /** Records the keys of an identity, replacing any it had (after an update). */
    public Future<Void> replace(SqlConnection tx, Uin uin, List<DemographicKeys.DedupKey> keys) {
        Future<?> cleared = tx.preparedQuery("delete from blind_indexes where uin = $1 and kind = $2")
                .execute(Tuple.of(uin.value(), KIND));
        if (keys.isEmpty()) {
            return cleared.mapEmpty();
        }
        List<Tuple> rows = new ArrayList<>();
        for (DemographicKeys.DedupKey key : keys) {
            rows.add(Tuple.of(KIND, Buffer.buffer(key.digest()), uin.value()));
        }
        return cleared.compose(done -> tx.preparedQuery(
                                "insert into blind_indexes (kind, digest, uin) values ($1, $2, $3) on conflict do nothing")
                        .executeBatch(rows))
                .mapEmpty();
    }

    private static Buffer[] digests(List<DemographicKeys.DedupKey> keys) {
        return keys.stream().map(k -> Buffer.buffer(k.digest())).toArray(Buffer[]::new);
    }
}
