package org.civis.core.audit;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.security.MessageDigest;
import javax.crypto.SecretKey;

/**
 * Walks the whole log in sequence order, page by page, recomputing every link. Reading in pages
 * keeps memory flat however long the log grows.
 */
public final class AuditVerifier {
    private static final int PAGE = 2_000;
    private final ChainHash chain;
    private final Pool pool;

    public AuditVerifier(SecretKey auditKey, Pool pool) {
        this.chain = new ChainHash(auditKey);
        this.pool = pool;
    }

    public Future<AuditVerification> verify() {
        return pool.query("select count(*) from audit_pending")
                .execute()
                .map(rows -> rows.iterator().next().getLong(0))
                .compose(pending -> page(new Walk(pending)));
    }

    private Future<AuditVerification> page(Walk walk) {
        return pool.preparedQuery("select seq, at, actor, action, subject, details, prev_hash, hash from audit_log"
                        + " where seq > $1 order by seq limit " + PAGE)
                .execute(Tuple.of(walk.lastSeq))
                .compose(rows -> {
                    AuditVerification broken = walk.check(rows);
                    if (broken != null) {
                        return Future.succeededFuture(broken);
                    }
                    return rows.size() == PAGE ? page(walk) : checkHead(walk);
                });
    }

    private Future<AuditVerification> checkHead(Walk walk) {
        return pool.query("select seq, hash from audit_head").execute().map(rows -> {
            Row head = rows.iterator().next();
            boolean matches = head.getLong("seq") == walk.lastSeq
                    && MessageDigest.isEqual(head.getBuffer("hash").getBytes(), walk.lastHash);
            return matches
                    ? AuditVerification.intact(walk.checked, walk.lastHash, walk.pending)
                    : AuditVerification.broken(
                            walk.checked,
                            walk.lastSeq + 1,
                            AuditVerification.Problem.HEAD_MISMATCH,
                            walk.lastHash,
                            walk.pending);
        });
    }

    /** The verifier's position in the chain. */
    private final class Walk {
        final long pending;
        long lastSeq;
        byte[] lastHash = new byte[ChainHash.LENGTH];
        long checked;

        Walk(long pending) {
            this.pending = pending;
        }

        AuditVerification check(RowSet<Row> rows) {
            for (Row row : rows) {
                long seq = row.getLong("seq");
                byte[] previous = row.getBuffer("prev_hash").getBytes();
                byte[] stored = row.getBuffer("hash").getBytes();
                if (seq != lastSeq + 1) {
                    return AuditVerification.broken(
                            checked, lastSeq + 1, AuditVerification.Problem.SEQUENCE_GAP, lastHash, pending);
                }
                if (!MessageDigest.isEqual(previous, lastHash)) {
                    return AuditVerification.broken(
                            checked, seq, AuditVerification.Problem.PREVIOUS_HASH_MISMATCH, lastHash, pending);
                }
                byte[] expected = chain.link(
                        previous,
                        seq,
                        row.getOffsetDateTime("at").toInstant(),
                        row.getString("actor"),
                        row.getString("action"),
                        row.getString("subject"),
                        row.getString("details"));
                if (!MessageDigest.isEqual(expected, stored)) {
                    return AuditVerification.broken(
                            checked, seq, AuditVerification.Problem.HASH_MISMATCH, lastHash, pending);
                }
                lastSeq = seq;
                lastHash = stored;
                checked++;
            }
            return null;
        }
    }
}
