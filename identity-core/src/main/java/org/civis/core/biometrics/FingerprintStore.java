package org.civis.core.biometrics;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civis.core.crypto.EnvelopeCipher;
import org.civis.core.crypto.SealedRecord;
import org.civis.core.id.Uin;
import org.civis.core.storage.SealedColumns;

/**
 * The fingerprint_templates table: one encrypted row of templates per identity. Writers take a
 * transaction-scoped advisory lock first and hold it to commit, which makes rows visible in
 * {@code seq} order; galleries rely on that to tail the table by {@code seq} without missing a row.
 */
public final class FingerprintStore {
    /** An arbitrary constant naming the lock; it only has to differ from other advisory lock keys. */
    private static final long WRITE_LOCK_KEY = 0x63697669735f6670L; // "civis_fp"

    private final EnvelopeCipher cipher;

    public FingerprintStore(EnvelopeCipher cipher) {
        this.cipher = cipher;
    }

    /** One row as the gallery reads it. An empty list means the identity's templates were removed. */
    public record TemplateRow(long seq, Uin uin, List<EnrolledFingerprint> fingers) {}

    /** A row still encrypted: the gallery opens rows on its workers, not on the event loop. */
    public record SealedRow(long seq, Uin uin, SealedRecord sealed) {}

    /** Serializes fingerprint writes until the transaction ends. Call before {@link #replace}. */
    public Future<Void> lockWrites(SqlConnection tx) {
        return tx.preparedQuery("select pg_advisory_xact_lock($1)")
                .execute(Tuple.of(WRITE_LOCK_KEY))
                .mapEmpty();
    }

    /** Sets the identity's templates (an empty list removes them), under a fresh {@code seq}. */
    public Future<Void> replace(
            SqlConnection tx, Uin uin, int version, List<EnrolledFingerprint> fingers, Instant now) {
        Tuple row = SealedColumns.append(
                Tuple.of(uin.value(), version, fingers.size(), now.atOffset(ZoneOffset.UTC)), seal(uin, fingers));
        return tx.preparedQuery(
                        "insert into fingerprint_templates (uin, seq, version, fingers, updated_at, key_id,"
                                + " wrapped_key, nonce, ciphertext) values ($1, nextval('fingerprint_seq'), $2, $3, $4, $5, $6,"
                                + " $7, $8) on conflict (uin) do update set seq = excluded.seq, version = excluded.version,"
                                + " fingers = excluded.fingers, updated_at = excluded.updated_at, key_id = excluded.key_id,"
                                + " wrapped_key = excluded.wrapped_key, nonce = excluded.nonce, ciphertext = excluded.ciphertext")
                .execute(row)
                .mapEmpty();
    }

    /** The encrypted row content for an identity's fingers. CPU work: keep it off event loops. */
    public SealedRecord seal(Uin uin, List<EnrolledFingerprint> fingers) {
        return cipher.seal(FingerprintRecord.encode(fingers), aad(uin));
    }

    /**
     * Inserts the first templates of many new identities in one statement, each row under its own
     * fresh {@code seq}. Call {@link #lockWrites} first, as for {@link #replace}.
     */
    public Future<Void> insertAll(
            SqlConnection tx, List<Uin> uins, List<Integer> fingerCounts, List<SealedRecord> sealed, Instant now) {
        Tuple args = Tuple.tuple()
                .addArrayOfString(uins.stream().map(Uin::value).toArray(String[]::new))
                .addArrayOfInteger(fingerCounts.toArray(Integer[]::new))
                .addOffsetDateTime(now.atOffset(ZoneOffset.UTC));
        SealedColumns.appendArrays(args, sealed);
        // ordinality keeps the seq order equal to the given order.
        return tx.preparedQuery("insert into fingerprint_templates (uin, seq, version, fingers, updated_at, key_id,"
                        + " wrapped_key, nonce, ciphertext) select uin, nextval('fingerprint_seq'), 1, fingers, $3, key_id,"
                        + " wrapped_key, nonce, ciphertext from unnest($1::text[], $2::int[], $4::text[], $5::bytea[],"
                        + " $6::bytea[], $7::bytea[]) with ordinality as t(uin, fingers, key_id, wrapped_key, nonce, ciphertext, i)"
                        + " order by i")
                .execute(args)
                .mapEmpty();
    }

    /** The identity's enrolled fingers; empty when it has none. */
    public Future<List<EnrolledFingerprint>> read(SqlClient client, Uin uin) {
        return client.preparedQuery("select uin, seq, key_id, wrapped_key, nonce, ciphertext from fingerprint_templates"
                        + " where uin = $1")
                .execute(Tuple.of(uin.value()))
                .map(rows -> rows.rowCount() == 0
                        ? List.of()
                        : open(sealed(rows.iterator().next())).fingers());
    }

    /** The enrolled fingers of each identity in one statement; identities without any are left out. */
    public Future<Map<Uin, List<EnrolledFingerprint>>> readMany(SqlClient client, List<Uin> uins) {
        return client.preparedQuery("select uin, seq, key_id, wrapped_key, nonce, ciphertext from fingerprint_templates"
                        + " where uin = any($1::text[])")
                .execute(Tuple.tuple()
                        .addArrayOfString(uins.stream().map(Uin::value).toArray(String[]::new)))
                .map(rows -> {
                    Map<Uin, List<EnrolledFingerprint>> all = new HashMap<>();
                    rows.forEach(r -> {
                        TemplateRow row = open(sealed(r));
                        all.put(row.uin(), row.fingers());
                    });
                    return all;
                });
    }

    /** Up to {@code limit} rows written after {@code seq}, in {@code seq} order. */
    public Future<List<SealedRow>> since(SqlClient client, long seq, int limit) {
        return client.preparedQuery("select uin, seq, key_id, wrapped_key, nonce, ciphertext from fingerprint_templates"
                        + " where seq > $1 order by seq limit $2")
                .execute(Tuple.of(seq, limit))
                .map(rows -> {
                    List<SealedRow> read = new ArrayList<>(rows.rowCount());
                    rows.forEach(r -> read.add(sealed(r)));
                    return read;
                });
    }

    /** The newest seq written; 0 when nothing was. */
    public Future<Long> lastSeq(SqlClient client) {
        return client.query("select coalesce(max(seq), 0) as last from fingerprint_templates")
                .execute()
                .map(rows -> rows.iterator().next().getLong("last"));
    }

    /** Decrypts a row; the associated data ties it to its UIN, so a row copied to another fails. */
    public TemplateRow open(SealedRow row) {
        byte[] plain = cipher.open(row.sealed(), aad(row.uin()));
        return new TemplateRow(row.seq(), row.uin(), FingerprintRecord.decode(plain));
    }

    private static SealedRow sealed(Row row) {
        return new SealedRow(row.getLong("seq"), new Uin(row.getString("uin")), SealedColumns.read(row));
    }

    private static byte[] aad(Uin uin) {
        return ("fingerprints:" + uin.value()).getBytes(StandardCharsets.UTF_8);
    }
}
