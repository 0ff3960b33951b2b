package org.civis.core.vid;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civis.core.audit.AuditAction;
import org.civis.core.audit.AuditEvent;
import org.civis.core.audit.AuditLog;
import org.civis.core.id.Uin;
import org.civis.core.id.Vid;
import org.civis.core.identity.IdentityChanges;
import org.civis.core.identity.IdentityStatus;
import org.civis.core.identity.IdentityStore;
import org.civis.core.refusal.RegistryError;
import org.civis.core.refusal.Result;
import org.civis.core.uin.IdNumberGenerator;

/** Creates, lists, revokes and resolves virtual IDs. */
public final class VidService {
    private static final int VID_ATTEMPTS = 8;
    private static final String COLUMNS = "vid, uin, type, status, created_at, expires_at, max_uses, uses";

    private final Pool pool;
    private final IdentityStore identities;
    private final IdNumberGenerator vids;
    private final AuditLog audit;
    private final IdentityChanges authChanges;
    private final Clock clock;

    public VidService(
            Pool pool,
            IdentityStore identities,
            IdNumberGenerator vids,
            AuditLog audit,
            IdentityChanges changes,
            Clock clock) {
        this.pool = pool;
        this.identities = identities;
        this.vids = vids;
        this.audit = audit;
        this.authChanges = changes;
        this.clock = clock;
    }

    /** A new VID for an ACTIVE identity. A second active perpetual VID is refused with VID_LIMIT_REACHED. */
    public Future<Result<VirtualId>> create(Uin uin, VidRequest request, String actor) {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> identities
                        .row(tx, uin, true)
                        .compose(found -> found.then(row -> {
                            if (row.status() != IdentityStatus.ACTIVE) {
                                return Result.<VirtualId>refuseNow(
                                        RegistryError.IDENTITY_STATE_CONFLICT,
                                        "VIDs are issued only for an active identity; this one is " + row.status());
                            }
                            Future<Result<Void>> allowed = request.type() == VidType.PERPETUAL
                                    ? noActivePerpetual(tx, uin)
                                    : Result.acceptNow(null);
                            return allowed.compose(
                                    checked -> checked.thenAccept(v -> insert(tx, uin, request, now, VID_ATTEMPTS)
                                            .compose(vid -> audit.append(
                                                            tx,
                                                            AuditEvent.of(actor, AuditAction.VID_CREATED, uin)
                                                                    .with(
                                                                            "type",
                                                                            request.type()
                                                                                    .name()))
                                                    .map(vid))));
                        })))
                .compose(created ->
                        created.thenAccept(vid -> authChanges.changed(uin).map(vid)));
    }

    /** Revokes a VID; revoking a revoked VID changes nothing. Refused with VID_NOT_FOUND. */
    public Future<Result<VirtualId>> revoke(Vid vid, String actor) {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> find(tx, vid, true)
                        .compose(stored -> stored.thenAccept(found -> {
                            if (found.revoked()) {
                                return Future.succeededFuture(found);
                            }
                            return tx.preparedQuery(
                                            "update vids set status = 'REVOKED', revoked_at = $2 where vid = $1")
                                    .execute(Tuple.of(vid.value(), now.atOffset(ZoneOffset.UTC)))
                                    .compose(v -> audit.append(
                                            tx,
                                            AuditEvent.of(actor, AuditAction.VID_REVOKED, found.uin())
                                                    .with("type", found.type().name())))
                                    .map(seq -> new VirtualId(
                                            found.vid(),
                                            found.uin(),
                                            found.type(),
                                            true,
                                            found.createdAt(),
                                            found.expiresAt(),
                                            found.maxUses(),
                                            found.uses()));
                        })))
                .compose(done -> done.thenAccept(
                        revoked -> authChanges.changed(revoked.uin()).map(revoked)));
    }

    /**
     * Counts one successful authentication with a VID that has a use limit. Succeeds with false,
     * changing nothing, when the VID is no longer usable at {@code at} (revoked, expired, used up),
     * so two concurrent last uses cannot both pass.
     */
    public Future<Boolean> recordUse(Vid vid, Uin uin, Instant at) {
        return pool.preparedQuery("update vids set uses = uses + 1 where vid = $1 and status = 'ACTIVE'"
                        + " and (max_uses is null or uses < max_uses) and (expires_at is null or expires_at > $2)")
                .execute(Tuple.of(vid.value(), at.atOffset(ZoneOffset.UTC)))
                .compose(rows ->
                        rows.rowCount() == 1 ? authChanges.changed(uin).map(true) : Future.succeededFuture(false));
    }

    /** A VID as stored (whether usable or not); refused with VID_NOT_FOUND. */
    public Future<Result<VirtualId>> find(Vid vid) {
        return find(pool, vid, false);
    }

    /**
     * A VID as stored, looked up by an operator: the read is audited (VID_READ), since the answer
     * names the UIN behind the VID. Refused with VID_NOT_FOUND.
     */
    public Future<Result<VirtualId>> find(Vid vid, String actor) {
        return pool.withTransaction(tx -> find(tx, vid, false)
                .compose(found -> found.thenAccept(stored -> audit.append(
                                tx,
                                AuditEvent.of(actor, AuditAction.VID_READ, stored.uin())
                                        .with("type", stored.type().name()))
                        .map(stored))));
    }

    /** Every VID of an identity listed by an operator, audited (VID_READ); refused with IDENTITY_NOT_FOUND. */
    public Future<Result<List<VirtualId>>> list(Uin uin, String actor) {
        return pool.withTransaction(tx -> identities
                .row(tx, uin, false)
                .compose(found -> found.thenAccept(row -> list(tx, uin).compose(all -> audit.append(
                                tx,
                                AuditEvent.of(actor, AuditAction.VID_READ, uin).with("count", all.size()))
                        .map(all)))));
    }

    /** Every VID of an identity, newest first; refused with IDENTITY_NOT_FOUND. */
    public Future<Result<List<VirtualId>>> list(Uin uin) {
        return pool.withConnection(
                c -> identities.row(c, uin, false).compose(found -> found.thenAccept(row -> list(c, uin))));
    }

    /** Every VID of an identity, newest first, read on the caller's connection. */
    public static Future<List<VirtualId>> list(SqlConnection c, Uin uin) {
        return c.preparedQuery("select " + COLUMNS + " from vids where uin = $1 order by created_at desc")
                .execute(Tuple.of(uin.value()))
                .map(rows -> {
                    List<VirtualId> all = new ArrayList<>();
                    rows.forEach(r -> all.add(read(r)));
                    return all;
                });
    }

    /** Every VID of each identity, newest first, in one statement: for loading many at a time. */
    public static Future<Map<Uin, List<VirtualId>>> listMany(SqlConnection c, List<Uin> uins) {
        return c.preparedQuery("select " + COLUMNS + " from vids where uin = any($1::text[]) order by created_at desc")
                .execute(Tuple.tuple()
                        .addArrayOfString(uins.stream().map(Uin::value).toArray(String[]::new)))
                .map(rows -> {
                    Map<Uin, List<VirtualId>> all = new HashMap<>();
                    uins.forEach(uin -> all.put(uin, new ArrayList<>()));
                    rows.forEach(r -> all.get(new Uin(r.getString("uin"))).add(read(r)));
                    return all;
                });
    }

    private Future<Result<Void>> noActivePerpetual(SqlConnection tx, Uin uin) {
        return tx.preparedQuery("select 1 from vids where uin = $1 and type = 'PERPETUAL' and status = 'ACTIVE'")
                .execute(Tuple.of(uin.value()))
                .compose(rows -> rows.rowCount() == 0
                        ? Result.<Void>acceptNow(null)
                        : Result.<Void>refuseNow(
                                RegistryError.VID_LIMIT_REACHED,
                                "this identity already has an active perpetual VID; revoke it first"));
    }

    private Future<VirtualId> insert(SqlConnection tx, Uin uin, VidRequest request, Instant now, int attemptsLeft) {
        if (attemptsLeft == 0) {
            return Future.failedFuture(new IllegalStateException("no free VID after " + VID_ATTEMPTS + " draws"));
        }
        Vid vid = new Vid(vids.next());
        Optional<Instant> expiresAt = request.effectiveValidity().map(now::plus);
        Optional<Integer> maxUses = request.effectiveMaxUses();
        Tuple row = Tuple.of(
                vid.value(),
                uin.value(),
                request.type().name(),
                now.atOffset(ZoneOffset.UTC),
                expiresAt.map(t -> t.atOffset(ZoneOffset.UTC)).orElse(null),
                maxUses.orElse(null));
        return tx.preparedQuery("insert into vids (vid, uin, type, status, created_at, expires_at, max_uses)"
                        + " values ($1, $2, $3, 'ACTIVE', $4, $5, $6) on conflict (vid) do nothing")
                .execute(row)
                .compose(rows -> rows.rowCount() == 1
                        ? Future.succeededFuture(
                                new VirtualId(vid, uin, request.type(), false, now, expiresAt, maxUses, 0))
                        : insert(tx, uin, request, now, attemptsLeft - 1));
    }

    private Future<Result<VirtualId>> find(SqlClient client, Vid vid, boolean forUpdate) {
        return client.preparedQuery(
                        "select " + COLUMNS + " from vids where vid = $1" + (forUpdate ? " for update" : ""))
                .execute(Tuple.of(vid.value()))
                .compose(rows -> rows.rowCount() == 0
                        ? Result.<VirtualId>refuseNow(RegistryError.VID_NOT_FOUND, "no such VID")
                        : Result.acceptNow(read(rows.iterator().next())));
    }

    private static VirtualId read(Row r) {
        return new VirtualId(
                new Vid(r.getString("vid")),
                new Uin(r.getString("uin")),
                VidType.valueOf(r.getString("type")),
                "REVOKED".equals(r.getString("status")),
                r.getOffsetDateTime("created_at").toInstant(),
                Optional.ofNullable(r.getOffsetDateTime("expires_at")).map(OffsetDateTime::toInstant),
                Optional.ofNullable(r.getInteger("max_uses")),
                r.getInteger("uses"));
    }
}
