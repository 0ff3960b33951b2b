package org.civis.core.lock;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civis.core.audit.AuditAction;
import org.civis.core.audit.AuditEvent;
import org.civis.core.audit.AuditLog;
import org.civis.core.id.Uin;
import org.civis.core.identity.IdentityChanges;
import org.civis.core.identity.IdentityStore;
import org.civis.core.refusal.Result;

/** Locks and unlocks auth types of an identity; every change is committed before it returns. */
public final class AuthLockService {
    private final Pool pool;
    private final IdentityStore identities;
    private final AuditLog audit;
    private final IdentityChanges authChanges;
    private final Clock clock;

    public AuthLockService(Pool pool, IdentityStore identities, AuditLog audit, IdentityChanges changes, Clock clock) {
        this.pool = pool;
        this.identities = identities;
        this.audit = audit;
        this.authChanges = changes;
        this.clock = clock;
    }

    /** Locks the types (clearing any timed unlock on them). Refused with IDENTITY_NOT_FOUND. */
    public Future<Result<Map<AuthType, AuthLock>>> lock(Uin uin, Set<AuthType> types, String actor) {
        return change(uin, types, true, Optional.empty(), AuditAction.AUTH_TYPES_LOCKED, actor);
    }

    /**
     * Unlocks the types: for good when {@code openFor} is empty, or only for that long, after which
     * they are locked again. A timed unlock of a type that is not locked changes nothing.
     */
    public Future<Result<Map<AuthType, AuthLock>>> unlock(
            Uin uin, Set<AuthType> types, Optional<Duration> openFor, String actor) {
        openFor.ifPresent(d -> {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("an unlock period must be positive");
            }
        });
        return change(uin, types, false, openFor, AuditAction.AUTH_TYPES_UNLOCKED, actor);
    }

    /** The state of every auth type of the identity. Refused with IDENTITY_NOT_FOUND. */
    public Future<Result<Map<AuthType, AuthLock>>> locks(Uin uin) {
        return pool.withConnection(
                c -> identities.row(c, uin, false).compose(found -> found.thenAccept(row -> read(c, uin))));
    }

    private Future<Result<Map<AuthType, AuthLock>>> change(
            Uin uin, Set<AuthType> types, boolean lock, Optional<Duration> openFor, AuditAction action, String actor) {
        if (types.isEmpty()) {
            throw new IllegalArgumentException("name at least one auth type");
        }
        Instant now = clock.instant();
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        OffsetDateTime until =
                openFor.map(d -> now.plus(d).atOffset(ZoneOffset.UTC)).orElse(null);
        String sql;
        List<Tuple> rows = new ArrayList<>();
        if (until == null) { // lock, or unlock for good
            sql =
                    "insert into auth_locks (uin, auth_type, locked, unlocked_until, updated_at) values ($1, $2, $3, null, $4)"
                            + " on conflict (uin, auth_type) do update set locked = excluded.locked, unlocked_until = null,"
                            + " updated_at = excluded.updated_at";
            types.forEach(type -> rows.add(Tuple.of(uin.value(), type.name(), lock, at)));
        } else { // open a locked type for a while
            sql =
                    "update auth_locks set unlocked_until = $3, updated_at = $4 where uin = $1 and auth_type = $2 and locked";
            types.forEach(type -> rows.add(Tuple.of(uin.value(), type.name(), until, at)));
        }
        AuditEvent event = AuditEvent.of(actor, action, uin)
                .with("types", types.stream().map(Enum::name).sorted().toList());
        AuditEvent recorded =
                until == null ? event : event.with("until", until.toInstant().toString());
        // The identity row is locked first: concurrent changes to one identity apply one after the other.
        return pool.withTransaction(tx -> identities
                        .row(tx, uin, true)
                        .compose(found -> found.thenAccept(row -> tx.preparedQuery(sql)
                                .executeBatch(rows)
                                .compose(v -> audit.append(tx, recorded))
                                .compose(seq -> read(tx, uin)))))
                .compose(changed ->
                        changed.thenAccept(states -> authChanges.changed(uin).map(states)));
    }

    /** The state of every auth type, read on the caller's connection (inside its transaction, if any). */
    public static Future<Map<AuthType, AuthLock>> read(SqlConnection c, Uin uin) {
        return readMany(c, List.of(uin)).map(all -> all.get(uin));
    }

    /** The state of every auth type of each identity, in one statement: for loading many at a time. */
    public static Future<Map<Uin, Map<AuthType, AuthLock>>> readMany(SqlConnection c, List<Uin> uins) {
        return c.preparedQuery(
                        "select uin, auth_type, locked, unlocked_until from auth_locks where uin = any($1::text[])")
                .execute(Tuple.tuple()
                        .addArrayOfString(uins.stream().map(Uin::value).toArray(String[]::new)))
                .map(result -> {
                    Map<Uin, Map<AuthType, AuthLock>> all = new HashMap<>();
                    for (Uin uin : uins) {
                        Map<AuthType, AuthLock> states = new EnumMap<>(AuthType.class);
                        for (AuthType type : AuthType.values()) {
                            states.put(type, AuthLock.open(type));
                        }
                        all.put(uin, states);
                    }
                    result.forEach(r -> {
                        AuthType type = AuthType.valueOf(r.getString("auth_type"));
                        all.get(new Uin(r.getString("uin")))
                                .put(
                                        type,
                                        new AuthLock(
                                                type,
                                                r.getBoolean("locked"),
                                                Optional.ofNullable(r.getOffsetDateTime("unlocked_until"))
                                                        .map(OffsetDateTime::toInstant)));
                    });
                    return all;
                });
    }
}
