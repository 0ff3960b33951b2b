package org.civis.auth.credential;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.civis.core.id.Uin;
import org.civis.issuer.keys.IssuerKey;
import org.civis.issuer.keys.SigningAlgorithm;
import org.civis.issuer.status.StatusList;
import org.civis.verifier.spec.TokenStatus;

/**
 * The credentials and status_lists tables. Status list indexes are drawn at random, so a list does
 * not tell in which order cards were issued; the unique (list, index) constraint makes a taken
 * index a retry, whichever node took it. A list is closed once {@value #PROBES_PER_LIST} draws in a
 * row find taken indexes, which happens between 75% and 90% full, so every list keeps a crowd of
 * unused entries around the used ones.
 */
public final class CredentialStore {
    static final int PROBES_PER_LIST = 16;

    /** A card reprinted this close to its expiry gets a new credential instead. */
    static final Duration REISSUE_BEFORE_EXPIRY = Duration.ofDays(30);

    private static final String COLUMNS = "credential_id, uin, identity_version, list_id, list_index, kid, alg,"
            + " issued_at, expires_at, superseded_at";

    private final Pool pool;
    private final int capacity;
    private final SecureRandom random = new SecureRandom();

    /** @param capacity entries of each new status list */
    public CredentialStore(Pool pool, int capacity) {
        this.pool = pool;
        this.capacity = capacity;
    }

    /** What issuing decided: the credential to put on the card, and whether it existed already. */
    public record Decision(CredentialRecord record, boolean reused) {}

    /**
     * Records a new credential of {@code version} signed by {@code key} and marks the identity's
     * earlier credentials superseded, in one transaction. With {@code reuse}, returns the identity's
     * current credential instead when it carries this version, was signed by this key and is not
     * about to expire. Issuances for one identity are serialized (a transaction-scoped advisory
     * lock), so two at once cannot leave two current credentials.
     */
    public Future<Decision> issue(
            Uin uin, int version, IssuerKey key, Instant issuedAt, Instant expiresAt, boolean reuse) {
        return pool.withTransaction(tx -> lock(tx, uin)
                .compose(locked -> reuse
                        ? reusable(tx, uin, version, key, issuedAt)
                        : Future.succeededFuture(Optional.<CredentialRecord>empty()))
                .compose(found -> {
                    if (found.isPresent()) {
                        return Future.succeededFuture(new Decision(found.get(), true));
                    }
                    CredentialRecord fresh = new CredentialRecord(
                            UUID.randomUUID(),
                            uin,
                            version,
                            0,
                            0,
                            key.kid(),
                            key.algorithm(),
                            issuedAt,
                            expiresAt,
                            Optional.empty());
                    return newestList(tx, issuedAt)
                            .compose(list -> place(tx, fresh, list, PROBES_PER_LIST))
                            .compose(placed -> supersedeOthers(tx, placed).map(new Decision(placed, false)));
                }));
    }

    private static Future<Void> lock(SqlConnection tx, Uin uin) {
        return tx.preparedQuery("select pg_advisory_xact_lock(hashtextextended($1, 0))")
                .execute(Tuple.of("civis-credential:" + uin.value()))
                .mapEmpty();
    }

    private static Future<Optional<CredentialRecord>> reusable(
            SqlConnection tx, Uin uin, int version, IssuerKey key, Instant now) {
        return tx.preparedQuery("select " + COLUMNS + " from credentials where uin = $1 and superseded_at is null"
                        + " order by issued_at desc limit 1")
                .execute(Tuple.of(uin.value()))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        return Optional.empty();
                    }
                    CredentialRecord current = record(rows.iterator().next());
                    boolean usable = current.identityVersion() == version
                            && current.kid().equals(key.kid())
                            && current.expiresAt().isAfter(now.plus(REISSUE_BEFORE_EXPIRY));
                    return usable ? Optional.of(current) : Optional.empty();
                });
    }

    /** The newest list, or list 1 when there is none yet. */
    private Future<ListRef> newestList(SqlConnection tx, Instant now) {
        return tx.query("select list_id, capacity from status_lists order by list_id desc limit 1")
                .execute()
                .compose(rows -> rows.rowCount() == 0 ? open(tx, 1, now) : Future.succeededFuture(listRef(rows)));
    }

    /** Creates list {@code listId} unless a concurrent issuance just did; either way it is usable. */
    private Future<ListRef> open(SqlConnection tx, int listId, Instant now) {
        return tx.preparedQuery("insert into status_lists (list_id, capacity, bits, created_at) values ($1, $2, $3, $4)"
                        + " on conflict (list_id) do nothing")
                .execute(Tuple.of(listId, capacity, StatusList.CIVIS_BITS, now.atOffset(ZoneOffset.UTC)))
                .compose(inserted -> tx.preparedQuery("select list_id, capacity from status_lists where list_id = $1")
                        .execute(Tuple.of(listId)))
                .map(CredentialStore::listRef);
    }

    private Future<CredentialRecord> place(
            SqlConnection tx, CredentialRecord credential, ListRef list, int probesLeft) {
        if (probesLeft == 0) {
            return open(tx, list.id() + 1, credential.issuedAt())
                    .compose(next -> place(tx, credential, next, PROBES_PER_LIST));
        }
        int index = random.nextInt(list.capacity());
        // ON CONFLICT rather than catching the error: a failed statement would abort the transaction.
        return tx.preparedQuery("insert into credentials (" + COLUMNS + ") values ($1, $2, $3, $4, $5, $6, $7, $8, $9,"
                        + " null) on conflict (list_id, list_index) do nothing returning credential_id")
                .execute(Tuple.from(List.of(
                        credential.credentialId(),
                        credential.uin().value(),
                        credential.identityVersion(),
                        list.id(),
                        index,
                        credential.kid(),
                        credential.algorithm().joseName(),
                        credential.issuedAt().atOffset(ZoneOffset.UTC),
                        credential.expiresAt().atOffset(ZoneOffset.UTC))))
                .compose(rows -> rows.rowCount() == 1
                        ? Future.succeededFuture(placedAt(credential, list.id(), index))
                        : place(tx, credential, list, probesLeft - 1));
    }

    private static ListRef listRef(RowSet<Row> rows) {
        Row row = rows.iterator().next();
        return new ListRef(row.getInteger("list_id"), row.getInteger("capacity"));
    }

    private record ListRef(int id, int capacity) {}

    private static Future<Void> supersedeOthers(SqlConnection tx, CredentialRecord current) {
        return tx.preparedQuery("update credentials set superseded_at = $3"
                        + " where uin = $1 and superseded_at is null and credential_id <> $2")
                .execute(Tuple.of(
                        current.uin().value(),
                        current.credentialId(),
                        current.issuedAt().atOffset(ZoneOffset.UTC)))
                .mapEmpty();
    }

    /** The capacity of list {@code listId}, or empty when there is no such list. */
    public Future<Optional<Integer>> capacity(int listId) {
        return pool.preparedQuery("select capacity from status_lists where list_id = $1")
                .execute(Tuple.of(listId))
                .map(rows -> rows.rowCount() == 0
                        ? Optional.empty()
                        : Optional.of(rows.iterator().next().getInteger("capacity")));
    }

    /** Every list's number, in order. */
    public Future<List<Integer>> listIds() {
        return pool.query("select list_id from status_lists order by list_id")
                .execute()
                .map(rows -> {
                    List<Integer> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getInteger("list_id")));
                    return ids;
                });
    }

    /**
     * The entries of list {@code listId} that are not VALID, derived now from the identity's status
     * and the credential's supersession: revoked or superseded is INVALID, deactivated is SUSPENDED.
     * Reads identities.status, a plaintext column, never personal data.
     */
    public Future<List<Entry>> nonValidEntries(int listId) {
        return pool.preparedQuery("select c.list_index, case when i.status = 'REVOKED' or c.superseded_at is not null"
                        + " then $2::int else $3::int end as status from credentials c join identities i on i.uin = c.uin"
                        + " where c.list_id = $1 and (c.superseded_at is not null or i.status <> 'ACTIVE')")
                .execute(Tuple.of(listId, TokenStatus.INVALID, TokenStatus.SUSPENDED))
                .map(rows -> {
                    List<Entry> entries = new ArrayList<>();
                    rows.forEach(row -> entries.add(new Entry(row.getInteger("list_index"), row.getInteger("status"))));
                    return entries;
                });
    }

    /** One status list entry: its index and its status. */
    public record Entry(int index, int status) {}

    private static CredentialRecord placedAt(CredentialRecord credential, int listId, int index) {
        return new CredentialRecord(
                credential.credentialId(),
                credential.uin(),
                credential.identityVersion(),
                listId,
                index,
                credential.kid(),
                credential.algorithm(),
                credential.issuedAt(),
                credential.expiresAt(),
                Optional.empty());
    }

    private static CredentialRecord record(Row row) {
        return new CredentialRecord(
                row.getUUID("credential_id"),
                new Uin(row.getString("uin")),
                row.getInteger("identity_version"),
                row.getInteger("list_id"),
                row.getInteger("list_index"),
                row.getString("kid"),
                SigningAlgorithm.byJoseName(row.getString("alg")).orElseThrow(),
                row.getOffsetDateTime("issued_at").toInstant(),
                row.getOffsetDateTime("expires_at").toInstant(),
                Optional.ofNullable(row.getOffsetDateTime("superseded_at")).map(t -> t.toInstant()));
    }
}
