package org.civis.core.identity;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civis.core.crypto.EnvelopeCipher;
import org.civis.core.crypto.SealedRecord;
import org.civis.core.id.RegistrationId;
import org.civis.core.id.Uin;
import org.civis.core.refusal.RegistryError;
import org.civis.core.refusal.Result;
import org.civis.core.storage.SealedColumns;
import org.civis.core.uin.IdNumberGenerator;

/**
 * Identity rows and their encrypted versions. Every method runs inside the caller's transaction,
 * so issuance, indexes, enrollment outcome and audit entry commit together or not at all.
 */
public final class IdentityStore {
    /** Collisions are rare (one in billions per draw); a handful of retries is plenty. */
    private static final int UIN_ATTEMPTS = 8;

    private final EnvelopeCipher cipher;
    private final IdNumberGenerator uins;

    public IdentityStore(EnvelopeCipher cipher, IdNumberGenerator uins) {
        this.cipher = cipher;
        this.uins = uins;
    }

    /** Creates an ACTIVE identity at version 1 under a fresh UIN. */
    public Future<Uin> insertNew(SqlConnection tx, RegistrationId registrationId, JsonObject fields, Instant now) {
        return claimUin(tx, registrationId, now, UIN_ATTEMPTS)
                .compose(uin -> insertVersion(tx, uin, 1, fields, now).map(uin));
    }

    private Future<Uin> claimUin(SqlConnection tx, RegistrationId registrationId, Instant now, int attemptsLeft) {
        if (attemptsLeft == 0) {
            return Future.failedFuture(new IllegalStateException("no free UIN after " + UIN_ATTEMPTS + " draws"));
        }
        Uin candidate = new Uin(uins.next());
        // ON CONFLICT rather than catching the error: a failed statement would abort the transaction.
        return tx.preparedQuery(
                        "insert into identities (uin, registration_id, status, current_version, created_at,"
                                + " updated_at) values ($1, $2, 'ACTIVE', 1, $3, $3) on conflict (uin) do nothing returning uin")
                .execute(Tuple.of(candidate.value(), registrationId.value(), now.atOffset(ZoneOffset.UTC)))
                .compose(rows -> rows.rowCount() == 1
                        ? Future.succeededFuture(candidate)
                        : claimUin(tx, registrationId, now, attemptsLeft - 1));
    }

    /** A fresh random UIN, not yet claimed: {@link #claimUins} finds out whether it is free. */
    public Uin drawUin() {
        return new Uin(uins.next());
    }

    /**
     * Claims many drawn UINs for their registration ids in one statement, as {@link #insertNew} does
     * one; returns the UINs that were free (the others exist: draw again). Callers draw distinct UINs.
     */
    public Future<Set<Uin>> claimUins(
            SqlConnection tx, List<RegistrationId> registrationIds, List<Uin> drawn, Instant now) {
        Tuple args = Tuple.tuple()
                .addArrayOfString(drawn.stream().map(Uin::value).toArray(String[]::new))
                .addArrayOfString(
                        registrationIds.stream().map(RegistrationId::value).toArray(String[]::new))
                .addOffsetDateTime(now.atOffset(ZoneOffset.UTC));
        return tx.preparedQuery("insert into identities (uin, registration_id, status, current_version, created_at,"
                        + " updated_at) select uin, id, 'ACTIVE', 1, $3, $3 from unnest($1::text[], $2::text[]) as t(uin, id)"
                        + " on conflict (uin) do nothing returning uin")
                .execute(args)
                .map(rows -> {
                    Set<Uin> claimed = new HashSet<>();
                    rows.forEach(row -> claimed.add(new Uin(row.getString(0))));
                    return claimed;
                });
    }

    /** The encrypted form of one version, bound to its UIN and version. CPU work: keep it off event loops. */
    public SealedRecord sealVersion(Uin uin, int version, JsonObject fields) {
        return cipher.seal(fields.encode().getBytes(StandardCharsets.UTF_8), aad(uin, version));
    }

    /** Stores many sealed versions in one statement; {@code sealed.get(i)} belongs to {@code uins.get(i)}. */
    public Future<Void> insertVersions(
            SqlConnection tx, List<Uin> uins, int version, List<SealedRecord> sealed, Instant now) {
        Tuple args = Tuple.tuple()
                .addArrayOfString(uins.stream().map(Uin::value).toArray(String[]::new))
                .addInteger(version)
                .addOffsetDateTime(now.atOffset(ZoneOffset.UTC));
        SealedColumns.appendArrays(args, sealed);
        return tx.preparedQuery("insert into identity_versions (uin, version, created_at, key_id, wrapped_key, nonce,"
                        + " ciphertext) select uin, $2, $3, key_id, wrapped_key, nonce, ciphertext"
                        + " from unnest($1::text[], $4::text[], $5::bytea[], $6::bytea[], $7::bytea[])"
                        + " as t(uin, key_id, wrapped_key, nonce, ciphertext)")
                .execute(args)
                .mapEmpty();
    }

    /** Stores {@code fields} encrypted as the given version. */
    public Future<Void> insertVersion(SqlConnection tx, Uin uin, int version, JsonObject fields, Instant now) {
        SealedRecord sealed = sealVersion(uin, version, fields);
        Tuple row = SealedColumns.append(Tuple.of(uin.value(), version, now.atOffset(ZoneOffset.UTC)), sealed);
        return tx.preparedQuery("insert into identity_versions (uin, version, created_at, key_id, wrapped_key, nonce,"
                        + " ciphertext) values ($1, $2, $3, $4, $5, $6, $7)")
                .execute(row)
                .mapEmpty();
    }

    /** The identity row, locked for update when asked; refused with IDENTITY_NOT_FOUND. */
    public Future<Result<IdentityRow>> row(SqlConnection tx, Uin uin, boolean forUpdate) {
        String sql = "select uin, status, current_version, created_at, updated_at from identities where uin = $1"
                + (forUpdate ? " for update" : "");
        return tx.preparedQuery(sql).execute(Tuple.of(uin.value())).compose(rows -> {
            if (rows.rowCount() == 0) {
                return Result.refuseNow(RegistryError.IDENTITY_NOT_FOUND, "no identity has this UIN");
            }
            Row r = rows.iterator().next();
            return Result.acceptNow(new IdentityRow(
                    uin,
                    IdentityStatus.valueOf(r.getString("status")),
                    r.getInteger("current_version"),
                    r.getOffsetDateTime("created_at").toInstant(),
                    r.getOffsetDateTime("updated_at").toInstant()));
        });
    }

    /**
     * Decrypts the current version of each identity in one statement, for loading many at a time.
     * An identity whose version row is missing is left out of the answer.
     */
    public Future<Map<Uin, Identity>> readCurrent(SqlConnection c, List<IdentityRow> rows) {
        Map<String, IdentityRow> byUin = new HashMap<>();
        rows.forEach(row -> byUin.put(row.uin().value(), row));
        return c.preparedQuery("select v.uin, v.version, v.key_id, v.wrapped_key, v.nonce, v.ciphertext"
                        + " from identity_versions v join unnest($1::text[], $2::int[]) as t(uin, version)"
                        + " on v.uin = t.uin and v.version = t.version")
                .execute(Tuple.tuple()
                        .addArrayOfString(
                                rows.stream().map(row -> row.uin().value()).toArray(String[]::new))
                        .addArrayOfInteger(
                                rows.stream().map(IdentityRow::currentVersion).toArray(Integer[]::new)))
                .map(found -> {
                    Map<Uin, Identity> identities = new HashMap<>();
                    for (Row r : found) {
                        IdentityRow row = byUin.get(r.getString("uin"));
                        identities.put(row.uin(), open(row, row.currentVersion(), SealedColumns.read(r)));
                    }
                    return identities;
                });
    }

    /** Decrypts one version of an identity; refused with IDENTITY_NOT_FOUND for an unknown version. */
    public Future<Result<Identity>> read(SqlConnection tx, IdentityRow row, int version) {
        return tx.preparedQuery("select key_id, wrapped_key, nonce, ciphertext from identity_versions"
                        + " where uin = $1 and version = $2")
                .execute(Tuple.of(row.uin().value(), version))
                .compose(rows -> {
                    if (rows.rowCount() == 0) {
                        return Result.refuseNow(RegistryError.IDENTITY_NOT_FOUND, "this identity has no such version");
                    }
                    return Result.acceptNow(open(
                            row, version, SealedColumns.read(rows.iterator().next())));
                });
    }

    private Identity open(IdentityRow row, int version, SealedRecord sealed) {
        byte[] plain = cipher.open(sealed, aad(row.uin(), version));
        JsonObject fields = new JsonObject(new String(plain, StandardCharsets.UTF_8));
        return new Identity(
                row.uin(), row.status(), version, row.currentVersion(), fields, row.createdAt(), row.updatedAt());
    }

    public Future<Void> setStatus(SqlConnection tx, Uin uin, IdentityStatus status, Instant now) {
        return tx.preparedQuery("update identities set status = $2, updated_at = $3 where uin = $1")
                .execute(Tuple.of(uin.value(), status.name(), now.atOffset(ZoneOffset.UTC)))
                .mapEmpty();
    }

    public Future<Void> setCurrentVersion(SqlConnection tx, Uin uin, int version, Instant now) {
        return tx.preparedQuery("update identities set current_version = $2, updated_at = $3 where uin = $1")
                .execute(Tuple.of(uin.value(), version, now.atOffset(ZoneOffset.UTC)))
                .mapEmpty();
    }

    /** Binds a ciphertext to its row: moved to another UIN or version, it no longer decrypts. */
    private static byte[] aad(Uin uin, int version) {
        return ("identity:" + uin.value() + ":" + version).getBytes(StandardCharsets.UTF_8);
    }

    /** The plaintext columns of an identity. */
    public record IdentityRow(
            Uin uin, IdentityStatus status, int currentVersion, Instant createdAt, Instant updatedAt) {}
}
