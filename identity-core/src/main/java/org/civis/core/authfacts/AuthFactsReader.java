package org.civis.core.authfacts;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.civis.core.biometrics.FingerprintStore;
import org.civis.core.id.Uin;
import org.civis.core.id.Vid;
import org.civis.core.identity.IdentityStatus;
import org.civis.core.identity.IdentityStore;
import org.civis.core.lock.AuthLockService;
import org.civis.core.refusal.Result;
import org.civis.core.vid.VidService;

/**
 * Reads {@link AuthFacts} for the auth cache. Not audited as a read of personal data: the data
 * goes into the cache, not to a person, and each authentication that uses it is recorded itself.
 */
public final class AuthFactsReader {
    private final Pool pool;
    private final IdentityStore store;
    private final FingerprintStore fingerprints;

    public AuthFactsReader(Pool pool, IdentityStore store, FingerprintStore fingerprints) {
        this.pool = pool;
        this.store = store;
        this.fingerprints = fingerprints;
    }

    /** The facts of an identity, or empty when no identity has this UIN. */
    public Future<Optional<AuthFacts>> load(Uin uin) {
        // The revision is read first: whatever is read after it is at least that new, so a cache
        // never labels old data with a newer revision.
        return pool.withConnection(c -> row(c, uin)
                .compose(found -> found.isEmpty()
                        ? Future.succeededFuture(Optional.empty())
                        : facts(c, found.get()).map(Optional::of)));
    }

    /**
     * The facts of up to {@code limit} identities in UIN order, the first after {@code after} (or
     * from the start): five statements on one connection for the whole page, where {@link #load}
     * takes five per identity. For filling a cache with every identity; empty after the last.
     */
    public Future<List<AuthFacts>> loadPage(Optional<Uin> after, int limit) {
        return pool.withConnection(
                c -> c.preparedQuery("select uin, status, current_version, created_at, updated_at, auth_revision"
                                + " from identities where uin > $1 order by uin limit $2")
                        .execute(Tuple.of(after.map(Uin::value).orElse(""), limit))
                        .compose(rows -> {
                            List<Revisioned> page = new ArrayList<>(rows.rowCount());
                            rows.forEach(r -> page.add(revisioned(new Uin(r.getString("uin")), r)));
                            return page.isEmpty() ? Future.succeededFuture(List.of()) : facts(c, page);
                        }));
    }

    /** The UIN a VID stands for (usable or not), or empty when the VID is unknown. */
    public Future<Optional<Uin>> ownerOf(Vid vid) {
        return pool.preparedQuery("select uin from vids where vid = $1")
                .execute(Tuple.of(vid.value()))
                .map(rows -> rows.rowCount() == 0
                        ? Optional.empty()
                        : Optional.of(new Uin(rows.iterator().next().getString("uin"))));
    }

    private Future<AuthFacts> facts(SqlConnection c, Revisioned found) {
        return store.read(c, found.row(), found.row().currentVersion())
                .map(Result::orElseThrow) // the current version always exists: a refusal here is a broken store
                // Everything on this one connection: taking a second from the pool while holding one
                // deadlocks once every pooled connection is held by a load waiting for another.
                .compose(identity -> AuthLockService.read(c, found.row().uin())
                        .compose(lockStates -> VidService.list(c, found.row().uin())
                                .compose(all -> fingerprints
                                        .read(c, found.row().uin())
                                        .map(templates -> new AuthFacts(
                                                found.row().uin(),
                                                found.revision(),
                                                found.row().status(),
                                                identity.fields(),
                                                lockStates,
                                                all,
                                                templates)))));
    }

    private Future<List<AuthFacts>> facts(SqlConnection c, List<Revisioned> page) {
        List<Uin> uins = page.stream().map(found -> found.row().uin()).toList();
        List<IdentityStore.IdentityRow> rows =
                page.stream().map(Revisioned::row).toList();
        return store.readCurrent(c, rows)
                .compose(identities -> AuthLockService.readMany(c, uins).compose(locks -> VidService.listMany(c, uins)
                        .compose(vids -> fingerprints.readMany(c, uins).map(templates -> page.stream()
                                .filter(found ->
                                        identities.containsKey(found.row().uin()))
                                .map(found -> {
                                    Uin uin = found.row().uin();
                                    return new AuthFacts(
                                            uin,
                                            found.revision(),
                                            found.row().status(),
                                            identities.get(uin).fields(),
                                            locks.get(uin),
                                            vids.get(uin),
                                            templates.getOrDefault(uin, List.of()));
                                })
                                .toList()))));
    }

    private static Future<Optional<Revisioned>> row(SqlConnection c, Uin uin) {
        return c.preparedQuery("select status, current_version, created_at, updated_at, auth_revision"
                        + " from identities where uin = $1")
                .execute(Tuple.of(uin.value()))
                .map(rows -> rows.rowCount() == 0
                        ? Optional.empty()
                        : Optional.of(revisioned(uin, rows.iterator().next())));
    }

    private static Revisioned revisioned(Uin uin, Row r) {
        return new Revisioned(
                new IdentityStore.IdentityRow(
                        uin,
                        IdentityStatus.valueOf(r.getString("status")),
                        r.getInteger("current_version"),
                        r.getOffsetDateTime("created_at").toInstant(),
                        r.getOffsetDateTime("updated_at").toInstant()),
                r.getLong("auth_revision"));
    }

    private record Revisioned(IdentityStore.IdentityRow row, long revision) {}
}
