package org.civis.core.dedup;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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
        return lockAndFindHolders(tx, keys).map(holders -> holders.values().stream()
                .flatMap(List::stream)
                .distinct()
                .sorted(Comparator.comparing(Uin::value))
                .toList());
    }

    /**
     * As {@link #lockAndFindMatches}, for the keys of many packets at once (a bulk batch): locks
     * them all, then returns, per key that some identity holds, the identities holding it (keyed by
     * {@link DemographicKeys.DedupKey#hex()}).
     */
    public Future<Map<String, List<Uin>>> lockAndFindHolders(SqlConnection tx, List<DemographicKeys.DedupKey> keys) {
        if (keys.isEmpty()) {
            return Future.succeededFuture(Map.of());
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
                .compose(locked -> tx.preparedQuery("select digest, uin from blind_indexes where kind = $1"
                                + " and digest = any($2) order by uin")
                        .execute(Tuple.tuple().addString(KIND).addArrayOfBuffer(digests(keys))))
                .map(rows -> {
                    Map<String, List<Uin>> holders = new HashMap<>();
                    for (Row row : rows) {
                        String key =
                                HexFormat.of().formatHex(row.getBuffer("digest").getBytes());
                        holders.computeIfAbsent(key, k -> new ArrayList<>()).add(new Uin(row.getString("uin")));
                    }
                    return holders;
                });
    }

    /** Records the keys of an identity, replacing any it had (after an update). */
    public Future<Void> replace(SqlConnection tx, Uin uin, List<DemographicKeys.DedupKey> keys) {
        Future<?> cleared = tx.preparedQuery("delete from blind_indexes where uin = $1 and kind = $2")
                .execute(Tuple.of(uin.value(), KIND));
        if (keys.isEmpty()) {
            return cleared.mapEmpty();
        }
        return cleared.compose(done -> insertAll(tx, Collections.nCopies(keys.size(), uin), keys));
    }

    /** Records keys of new identities in one statement; {@code keys.get(i)} belongs to {@code uins.get(i)}. */
    public Future<Void> insertAll(SqlConnection tx, List<Uin> uins, List<DemographicKeys.DedupKey> keys) {
        if (keys.isEmpty()) {
            return Future.succeededFuture();
        }
        return tx.preparedQuery("insert into blind_indexes (kind, digest, uin) select $1, digest, uin"
                        + " from unnest($2::bytea[], $3::text[]) as t(digest, uin) on conflict do nothing")
                .execute(Tuple.tuple()
                        .addString(KIND)
                        .addArrayOfBuffer(digests(keys))
                        .addArrayOfString(uins.stream().map(Uin::value).toArray(String[]::new)))
                .mapEmpty();
    }

    private static Buffer[] digests(List<DemographicKeys.DedupKey> keys) {
        return keys.stream().map(k -> Buffer.buffer(k.digest())).toArray(Buffer[]::new);
    }
}
