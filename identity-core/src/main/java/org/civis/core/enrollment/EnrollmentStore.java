package org.civis.core.enrollment;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civis.core.biometrics.BiometricCandidate;
import org.civis.core.crypto.EnvelopeCipher;
import org.civis.core.crypto.SealedRecord;
import org.civis.core.id.RegistrationId;
import org.civis.core.id.Uin;
import org.civis.core.storage.SealedColumns;

/**
 * The enrollments table: one row per registration id, its outcome, and a parked packet. Public for
 * the bulk path ({@code org.civis.core.enrollment.bulk}), which writes the same rows many at a time;
 * not an API for anything else.
 */
public final class EnrollmentStore {
    private static final String COLUMNS = "registration_id, request_digest, status, uin, candidates, reasons,"
            + " linked_uin, key_id, wrapped_key, nonce, ciphertext, received_at, decided_at, biometric_candidates";

    /**
     * Claims the registration id for this transaction. False when another transaction already
     * holds it; a concurrent claim waits here until the first one commits or rolls back.
     */
    public EnrollmentStore() {}

    Future<Boolean> claim(SqlConnection tx, RegistrationId id, byte[] requestDigest, Instant now) {
        return tx.preparedQuery("insert into enrollments (registration_id, request_digest, status, received_at)"
                        + " values ($1, $2, 'RECEIVED', $3) on conflict (registration_id) do nothing")
                .execute(Tuple.of(id.value(), Buffer.buffer(requestDigest), now.atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.rowCount() == 1);
    }

    /**
     * Claims many registration ids in one statement, as {@link #claim} does one; returns the ids this
     * transaction claimed. The others were taken before (or by a concurrent transaction, which this
     * one waited for).
     */
    public Future<Set<RegistrationId>> claimAll(
            SqlConnection tx, List<RegistrationId> ids, List<byte[]> digests, Instant now) {
        Tuple args = Tuple.tuple()
                .addArrayOfString(ids.stream().map(RegistrationId::value).toArray(String[]::new))
                .addArrayOfBuffer(digests.stream().map(Buffer::buffer).toArray(Buffer[]::new))
                .addOffsetDateTime(now.atOffset(ZoneOffset.UTC));
        return tx.preparedQuery("insert into enrollments (registration_id, request_digest, status, received_at)"
                        + " select id, digest, 'RECEIVED', $3 from unnest($1::text[], $2::bytea[]) as t(id, digest)"
                        + " on conflict (registration_id) do nothing returning registration_id")
                .execute(args)
                .map(rows -> {
                    Set<RegistrationId> claimed = new HashSet<>();
                    rows.forEach(row -> claimed.add(new RegistrationId(row.getString(0))));
                    return claimed;
                });
    }

    /** The stored rows of those of {@code ids} that exist, by registration id. */
    public Future<Map<RegistrationId, StoredEnrollment>> findAll(SqlClient client, List<RegistrationId> ids) {
        return client.preparedQuery("select " + COLUMNS + " from enrollments where registration_id = any($1)")
                .execute(Tuple.tuple()
                        .addArrayOfString(
                                ids.stream().map(RegistrationId::value).toArray(String[]::new)))
                .map(rows -> {
                    Map<RegistrationId, StoredEnrollment> found = new HashMap<>();
                    rows.forEach(row -> {
                        StoredEnrollment stored = read(row);
                        found.put(stored.outcome().registrationId(), stored);
                    });
                    return found;
                });
    }

    Future<Optional<StoredEnrollment>> find(SqlClient client, RegistrationId id, boolean forUpdate) {
        return client.preparedQuery("select " + COLUMNS + " from enrollments where registration_id = $1"
                        + (forUpdate ? " for update" : ""))
                .execute(Tuple.of(id.value()))
                .map(rows -> rows.rowCount() == 0
                        ? Optional.empty()
                        : Optional.of(read(rows.iterator().next())));
    }

    Future<Void> markIssued(SqlConnection tx, RegistrationId id, Uin uin, Instant now) {
        return tx.preparedQuery("update enrollments set status = 'ISSUED', uin = $2, decided_at = $3, key_id = null,"
                        + " wrapped_key = null, nonce = null, ciphertext = null where registration_id = $1")
                .execute(Tuple.of(id.value(), uin.value(), now.atOffset(ZoneOffset.UTC)))
                .mapEmpty();
    }

    /** {@link #markIssued} for many registration ids in one statement; {@code uins} in the same order. */
    public Future<Void> markIssuedAll(SqlConnection tx, List<RegistrationId> ids, List<Uin> uins, Instant now) {
        Tuple args = Tuple.tuple()
                .addArrayOfString(ids.stream().map(RegistrationId::value).toArray(String[]::new))
                .addArrayOfString(uins.stream().map(Uin::value).toArray(String[]::new))
                .addOffsetDateTime(now.atOffset(ZoneOffset.UTC));
        return tx.preparedQuery("update enrollments e set status = 'ISSUED', uin = t.uin, decided_at = $3"
                        + " from unnest($1::text[], $2::text[]) as t(id, uin) where e.registration_id = t.id")
                .execute(args)
                .mapEmpty();
    }

    /** A packet parked for adjudication, sealed to its registration id. */
    public SealedRecord sealPacket(EnvelopeCipher cipher, RegistrationId id, JsonObject identity) {
        return cipher.seal(identity.encode().getBytes(StandardCharsets.UTF_8), packetAad(id));
    }

    static byte[] packetAad(RegistrationId id) {
        return ("enrollment:" + id.value()).getBytes(StandardCharsets.UTF_8);
    }

    public Future<Void> markSuspected(
            SqlConnection tx,
            RegistrationId id,
            List<Uin> candidates,
            List<BiometricCandidate> biometric,
            SealedRecord packet) {
        // Built member by member: Tuple.of(a, array) would spread the array as varargs.
        Tuple row = Tuple.tuple()
                .addString(id.value())
                .addArrayOfString(candidates.stream().map(Uin::value).toArray(String[]::new))
                .addValue(BiometricCandidatesJson.encode(biometric));
        return tx.preparedQuery("update enrollments set status = 'DUPLICATE_SUSPECTED', candidates = $2,"
                        + " biometric_candidates = $3, key_id = $4, wrapped_key = $5, nonce = $6, ciphertext = $7"
                        + " where registration_id = $1")
                .execute(SealedColumns.append(row, packet))
                .mapEmpty();
    }

    /** Rejects and forgets the parked packet: a refused person's data is not kept. */
    Future<Void> markRejected(
            SqlConnection tx, RegistrationId id, List<String> reasons, Optional<Uin> linked, Instant now) {
        return tx.preparedQuery("update enrollments set status = 'REJECTED', reasons = $2, linked_uin = $3,"
                        + " decided_at = $4, key_id = null, wrapped_key = null, nonce = null, ciphertext = null"
                        + " where registration_id = $1")
                .execute(Tuple.of(
                        id.value(),
                        reasons.toArray(String[]::new),
                        linked.map(Uin::value).orElse(null),
                        now.atOffset(ZoneOffset.UTC)))
                .mapEmpty();
    }

    private static StoredEnrollment read(Row row) {
        RegistrationId id = new RegistrationId(row.getString("registration_id"));
        EnrollmentOutcome outcome = new EnrollmentOutcome(
                id,
                EnrollmentStatus.valueOf(row.getString("status")),
                Optional.ofNullable(row.getString("uin")).map(Uin::new),
                Arrays.stream(row.getArrayOfStrings("candidates")).map(Uin::new).toList(),
                List.of(row.getArrayOfStrings("reasons")),
                Optional.ofNullable(row.getString("linked_uin")).map(Uin::new),
                row.getOffsetDateTime("received_at").toInstant(),
                Optional.ofNullable(row.getOffsetDateTime("decided_at")).map(OffsetDateTime::toInstant),
                BiometricCandidatesJson.decode((JsonArray) row.getValue("biometric_candidates")));
        return new StoredEnrollment(outcome, row.getBuffer("request_digest").getBytes(), SealedColumns.read(row));
    }

    /** A row: its outcome, the digest of the request that made it, and the parked packet if any. */
    public record StoredEnrollment(EnrollmentOutcome outcome, byte[] requestDigest, SealedRecord packet) {}
}
