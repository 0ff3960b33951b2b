package org.civis.core.enrollment.bulk;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civis.core.audit.AuditAction;
import org.civis.core.audit.AuditEvent;
import org.civis.core.audit.AuditLog;
import org.civis.core.biometrics.FingerprintStore;
import org.civis.core.crypto.EnvelopeCipher;
import org.civis.core.dedup.DemographicIndex;
import org.civis.core.dedup.DemographicKeys.DedupKey;
import org.civis.core.enrollment.EnrollmentParts;
import org.civis.core.enrollment.EnrollmentRequest;
import org.civis.core.enrollment.EnrollmentStore;
import org.civis.core.id.RegistrationId;
import org.civis.core.id.Uin;
import org.civis.core.refusal.RegistryError;

/**
 * Imports an already-deduplicated register, a batch (about a thousand packets) per transaction.
 * Each packet ends as single enrollment would end it: issued (identity, encrypted version, blind
 * indexes, templates, outcome, audit entry), parked as a suspected duplicate, or, when its
 * registration id was decided before, answered with that first outcome, so a rerun is harmless.
 *
 * <p>Fingerprint 1:N deduplication is not run: across a million residents it is O(N^2). The audit
 * entry of every batch says so. Demographic dedup is run, against the table and within the batch,
 * under the same advisory locks as single enrollment, so a concurrent single enrollment of the same
 * person cannot slip past either.
 *
 * <p>Audit: one IDENTITY_ISSUED entry per identity, as single enrollment writes, because the trail
 * is searched by UIN and an identity's history must start with its issuance whichever path made
 * it; plus one BULK_BATCH_IMPORTED entry per batch with its counts. The extra rows cost little
 * next to the identity rows themselves.
 *
 * <p>Write batches one at a time: each holds an advisory lock per dedup key (about 1.5 per packet)
 * until it commits, and PostgreSQL's lock table is shared by all sessions.
 */
public final class BulkEnrollment {
    /** What a batch's audit entry records about fingerprint deduplication. */
    static final String FINGERPRINT_DEDUP_NOT_RUN =
            "not run: bulk import is for a register deduplicated before import (1:N over it is O(N^2))";

    private final Pool pool;
    private final BatchPreparation preparation;
    private final Issuance issuance;
    private final EnrollmentStore enrollments = new EnrollmentStore();
    private final DemographicIndex demographicIndex;
    private final FingerprintStore templates;
    private final EnvelopeCipher cipher;
    private final AuditLog audit;
    private final Clock clock;

    public BulkEnrollment(EnrollmentParts parts) {
        this.pool = parts.pool();
        this.templates = parts.biometrics().store();
        this.preparation = new BatchPreparation(
                parts.validator(),
                parts.biometrics().intake(),
                parts.biometrics().workers(),
                parts.packetDigest(),
                parts.demographicKeys(),
                parts.identities(),
                templates);
        this.issuance = new Issuance(
                preparation, parts.identities(), templates, parts.demographicIndex(), enrollments, parts.audit());
        this.demographicIndex = parts.demographicIndex();
        this.cipher = parts.cipher();
        this.audit = parts.audit();
        this.clock = parts.clock();
    }

    /**
     * Imports one batch in one transaction; results in the order of {@code packets}. Invalid packets
     * are refused and the rest imported. The future fails, and nothing of the batch is written, only
     * when the database or the workers fail.
     *
     * @throws IllegalArgumentException if a registration id occurs twice in the batch
     */
    public Future<BatchResult> importBatch(List<EnrollmentRequest> packets, String actor) {
        Set<RegistrationId> distinct = new HashSet<>();
        for (EnrollmentRequest packet : packets) {
            if (!distinct.add(packet.registrationId())) {
                throw new IllegalArgumentException("a registration id occurs twice in one batch");
            }
        }
        return preparation
                .prepare(packets)
                .compose(batch ->
                        pool.withTransaction(tx -> write(tx, batch, actor).map(written -> {
                            Map<RegistrationId, BulkResult> byId = new HashMap<>();
                            batch.refused().forEach(r -> byId.put(r.registrationId(), r));
                            written.forEach(r -> byId.put(r.registrationId(), r));
                            return new BatchResult(packets.stream()
                                    .map(p -> byId.get(p.registrationId()))
                                    .toList());
                        })));
    }

    private Future<List<BulkResult>> write(SqlConnection tx, BatchPreparation.Batch batch, String actor) {
        Instant now = clock.instant();
        List<BatchPreparation.Prepared> ready = batch.ready();
        return enrollments
                .claimAll(
                        tx,
                        ready.stream().map(BatchPreparation.Prepared::id).toList(),
                        ready.stream().map(BatchPreparation.Prepared::digest).toList(),
                        now)
                .compose(claimed -> {
                    List<BatchPreparation.Prepared> fresh =
                            ready.stream().filter(p -> claimed.contains(p.id())).toList();
                    List<BatchPreparation.Prepared> earlier = ready.stream()
                            .filter(p -> !claimed.contains(p.id()))
                            .toList();
                    return earlierOutcomes(tx, earlier)
                            .compose(results -> decide(tx, fresh, now, actor).map(decided -> {
                                List<BulkResult> all = new ArrayList<>(results);
                                all.addAll(decided);
                                all.addAll(batch.refused());
                                return all;
                            }))
                            .compose(all -> audit.append(tx, batchEntry(actor, ready, all))
                                    .map(all));
                });
    }

    /** A rerun: the first outcome when the packet is the same, REGISTRATION_ID_REUSED when it is not. */
    private Future<List<BulkResult>> earlierOutcomes(SqlConnection tx, List<BatchPreparation.Prepared> earlier) {
        if (earlier.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        return enrollments
                .findAll(tx, earlier.stream().map(BatchPreparation.Prepared::id).toList())
                .map(found -> earlier.stream()
                        .map(p -> {
                            EnrollmentStore.StoredEnrollment stored = found.get(p.id());
                            return MessageDigest.isEqual(stored.requestDigest(), p.digest())
                                    ? (BulkResult) new BulkResult.Existing(stored.outcome())
                                    : new BulkResult.Refused(p.id(), RegistryError.REGISTRATION_ID_REUSED, List.of());
                        })
                        .toList());
    }

    /** Locks (fingerprint writes first, then dedup keys, as single enrollment), decides, writes. */
    private Future<List<BulkResult>> decide(
            SqlConnection tx, List<BatchPreparation.Prepared> fresh, Instant now, String actor) {
        if (fresh.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        boolean anyFingers = fresh.stream().anyMatch(p -> p.fingers() != null);
        List<DedupKey> allKeys = fresh.stream().flatMap(p -> p.keys().stream()).toList();
        Future<Void> fingerprintLock = anyFingers ? templates.lockWrites(tx) : Future.succeededFuture();
        return fingerprintLock
                .compose(locked -> demographicIndex.lockAndFindHolders(tx, allKeys))
                .compose(holders -> {
                    List<BatchDedup.Decision> decisions = BatchDedup.decide(
                            fresh.stream().map(BatchPreparation.Prepared::keys).toList(), holders);
                    List<BatchPreparation.Prepared> toIssue = new ArrayList<>();
                    for (int i = 0; i < fresh.size(); i++) {
                        if (decisions.get(i).issue()) {
                            toIssue.add(fresh.get(i));
                        }
                    }
                    return issuance.issue(tx, toIssue, now, actor)
                            .compose(issued -> park(tx, fresh, decisions, issued, now, actor)
                                    .map(parked -> results(fresh, decisions, issued, parked)));
                });
    }

    /**
     * Parks the suspected duplicates as single enrollment does (sealed packet, candidates, audit
     * entry). They are rare, so they are written one by one; sealing a handful of packets here
     * costs microseconds.
     */
    private Future<Map<RegistrationId, List<Uin>>> park(
            SqlConnection tx,
            List<BatchPreparation.Prepared> fresh,
            List<BatchDedup.Decision> decisions,
            List<BatchPreparation.Prepared> issued,
            Instant now,
            String actor) {
        Map<RegistrationId, Uin> uinOf = new HashMap<>();
        issued.forEach(p -> uinOf.put(p.id(), p.uin()));
        Map<RegistrationId, List<Uin>> parked = new HashMap<>();
        Future<Void> chain = Future.succeededFuture();
        for (int i = 0; i < fresh.size(); i++) {
            BatchDedup.Decision decision = decisions.get(i);
            if (decision.issue()) {
                continue;
            }
            BatchPreparation.Prepared packet = fresh.get(i);
            Set<Uin> candidates = new LinkedHashSet<>(decision.tableCandidates());
            decision.batchCandidates()
                    .forEach(position ->
                            candidates.add(uinOf.get(fresh.get(position).id())));
            List<Uin> list = List.copyOf(candidates);
            parked.put(packet.id(), list);
            chain = chain.compose(v -> enrollments
                    .markSuspected(
                            tx,
                            packet.id(),
                            list,
                            List.of(),
                            enrollments.sealPacket(
                                    cipher, packet.id(), packet.accepted().identity()))
                    .compose(done -> audit.append(
                            tx,
                            AuditEvent.of(
                                            actor,
                                            AuditAction.ENROLLMENT_DUPLICATE_SUSPECTED,
                                            packet.id().value())
                                    .with(
                                            "candidates",
                                            list.stream().map(Uin::value).toList())
                                    .with("import", "bulk"))));
        }
        return chain.map(parked);
    }

    private static List<BulkResult> results(
            List<BatchPreparation.Prepared> fresh,
            List<BatchDedup.Decision> decisions,
            List<BatchPreparation.Prepared> issued,
            Map<RegistrationId, List<Uin>> parked) {
        Map<RegistrationId, Uin> uinOf = new HashMap<>();
        issued.forEach(p -> uinOf.put(p.id(), p.uin()));
        List<BulkResult> results = new ArrayList<>(fresh.size());
        for (int i = 0; i < fresh.size(); i++) {
            RegistrationId id = fresh.get(i).id();
            results.add(
                    decisions.get(i).issue()
                            ? new BulkResult.Issued(id, uinOf.get(id))
                            : new BulkResult.Parked(id, parked.get(id)));
        }
        return results;
    }

    private static AuditEvent batchEntry(String actor, List<BatchPreparation.Prepared> ready, List<BulkResult> all) {
        BatchResult counted = new BatchResult(all);
        String first = all.isEmpty() ? "empty" : all.get(0).registrationId().value();
        return AuditEvent.of(actor, AuditAction.BULK_BATCH_IMPORTED, "bulk:" + first)
                .with("packets", all.size())
                .with("issued", counted.issued())
                .with("parked", counted.parked())
                .with("existing", counted.existing())
                .with("refused", counted.refused())
                .with(
                        "withFingerprints",
                        ready.stream().filter(p -> p.fingers() != null).count())
                .with("fingerprintDeduplication", FINGERPRINT_DEDUP_NOT_RUN);
    }
}
