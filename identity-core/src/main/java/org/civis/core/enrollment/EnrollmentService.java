package org.civis.core.enrollment;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civis.core.audit.AuditAction;
import org.civis.core.audit.AuditEvent;
import org.civis.core.audit.AuditLog;
import org.civis.core.biometrics.BiometricCandidate;
import org.civis.core.biometrics.BiometricCandidates;
import org.civis.core.biometrics.BiometricSettings;
import org.civis.core.biometrics.Biometrics;
import org.civis.core.biometrics.FingerprintGallery;
import org.civis.core.biometrics.FingerprintIntake;
import org.civis.core.biometrics.FingerprintStore;
import org.civis.core.crypto.EnvelopeCipher;
import org.civis.core.dedup.DemographicIndex;
import org.civis.core.dedup.DemographicKeys;
import org.civis.core.dedup.DemographicKeys.DedupKey;
import org.civis.core.id.ReasonCode;
import org.civis.core.id.RegistrationId;
import org.civis.core.id.Uin;
import org.civis.core.identity.IdentityStore;
import org.civis.core.refusal.RegistryError;
import org.civis.core.refusal.Result;
import org.civis.core.schema.SchemaValidator;
import org.civis.core.schema.Violation;
import org.civis.core.schema.ViolationCode;

/**
 * Turns packets into outcomes. One transaction per packet claims its registration id, looks for
 * duplicates under advisory locks, and either issues (identity, version, indexes, outcome, audit)
 * or parks the packet encrypted for adjudication.
 */
public final class EnrollmentService {
    static final String REASON_ADJUDICATED_REJECT = "ADJUDICATED_REJECT";
    static final String REASON_DUPLICATE_OF_EXISTING = "DUPLICATE_OF_EXISTING";

    private final Pool pool;
    private final EnrollmentStore store = new EnrollmentStore();
    private final IdentityStore identities;
    private final SchemaValidator validator;
    private final DemographicKeys demographicKeys;
    private final DemographicIndex demographicIndex;
    private final PacketDigest packetDigest;
    private final EnvelopeCipher cipher;
    private final Biometrics biometrics;
    private final AuditLog audit;
    private final Clock clock;

    public EnrollmentService(EnrollmentParts parts) {
        this.pool = parts.pool();
        this.identities = parts.identities();
        this.validator = parts.validator();
        this.demographicKeys = parts.demographicKeys();
        this.demographicIndex = parts.demographicIndex();
        this.packetDigest = parts.packetDigest();
        this.cipher = parts.cipher();
        this.biometrics = parts.biometrics();
        this.audit = parts.audit();
        this.clock = parts.clock();
    }

    /**
     * Enrolls a packet. Sending the same registration id again returns the first outcome; sending
     * it with different data is refused with REGISTRATION_ID_REUSED. Invalid data is refused with
     * VALIDATION_FAILED and writes nothing.
     */
    public Future<Result<EnrollmentOutcome>> enroll(EnrollmentRequest request, String actor) {
        JsonObject identity = request.identity();
        List<Violation> violations = validator.validate(identity, "/identity");
        if (!violations.isEmpty()) {
            return Result.refuseNow(
                    RegistryError.VALIDATION_FAILED, "the identity does not satisfy the ID schema", violations);
        }
        RegistrationId id = request.registrationId();
        byte[] digest = packetDigest.of(identity);
        // A retry of a decided packet is answered without extracting or searching fingerprints again.
        return store.find(pool, id, false)
                .compose(earlier -> earlier.isPresent()
                        ? replay(id, digest)
                        : biometrics
                                .intake()
                                .accept(identity, "/identity")
                                .compose(intake -> intake.thenAccept(this::screen))
                                .compose(screening ->
                                        screening.then(screened -> enrollScreened(id, digest, screened, actor))));
    }

    private Future<Result<EnrollmentOutcome>> enrollScreened(
            RegistrationId id, byte[] digest, FingerprintScreening screened, String actor) {
        Instant now = clock.instant();
        return pool.<Optional<EnrollmentOutcome>>withTransaction(tx -> store.claim(tx, id, digest, now)
                        .compose(claimed -> claimed
                                ? decide(tx, id, screened, now, actor).map(Optional::of)
                                : Future.succeededFuture(Optional.empty())))
                .compose(decided -> {
                    if (decided.isEmpty()) {
                        return replay(id, digest);
                    }
                    // The gallery would find the new templates within a second anyway; reading them
                    // now keeps the next search's catch-up short. A failure here loses nothing.
                    return screened.accepted().hasFingerprints() && biometrics.holdsGallery()
                            ? biometrics.gallery().catchUp().otherwiseEmpty().map(Result.accepted(decided.get()))
                            : Result.acceptNow(decided.get());
                });
    }

    /**
     * The expensive part of fingerprint deduplication, done before any transaction: search the
     * whole gallery, noting up to which row it was complete. Rows written after that are checked
     * again under the write lock, so a concurrent enrollment of the same finger is not missed.
     */
    private Future<FingerprintScreening> screen(FingerprintIntake.Accepted accepted) {
        if (!accepted.hasFingerprints()) {
            return Future.succeededFuture(new FingerprintScreening(accepted, List.of(), 0));
        }
        BiometricSettings settings = biometrics.settings();
        return biometrics
                .search()
                .search(accepted.prepared(), settings.dedupThreshold(), settings.maxCandidates())
                .map(found -> new FingerprintScreening(accepted, found.candidates(), found.completeUpTo()));
    }

    /** An enrollment's fingers, with the candidates found before its transaction. */
    private record FingerprintScreening(
            FingerprintIntake.Accepted accepted, List<BiometricCandidate> candidates, long completeUpTo) {}

    /** The outcome recorded for a registration id; refused with ENROLLMENT_NOT_FOUND. */
    public Future<Result<EnrollmentOutcome>> outcome(RegistrationId id) {
        return store.find(pool, id, false).compose(found -> found.map(stored -> Result.acceptNow(stored.outcome()))
                .orElseGet(EnrollmentService::notFound));
    }

    /**
     * The outcome recorded for a registration id, read by an operator: audited (ENROLLMENT_READ),
     * since it names the UIN issued or the candidates found. Refused with ENROLLMENT_NOT_FOUND.
     */
    public Future<Result<EnrollmentOutcome>> outcome(RegistrationId id, String actor) {
        return pool.withTransaction(tx -> store.find(tx, id, false).compose(found -> found.map(stored -> audit.append(
                                tx,
                                AuditEvent.of(actor, AuditAction.ENROLLMENT_READ, id.value())
                                        .with(
                                                "status",
                                                stored.outcome().status().name()))
                        .map(v -> Result.accepted(stored.outcome())))
                .orElseGet(EnrollmentService::notFound)));
    }

    /** Settles a suspected duplicate. Only a DUPLICATE_SUSPECTED enrollment can be adjudicated. */
    public Future<Result<EnrollmentOutcome>> adjudicate(RegistrationId id, Adjudication ruling, String actor) {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> store.find(tx, id, true).compose(found -> {
            if (found.isEmpty()) {
                return notFound();
            }
            EnrollmentStore.StoredEnrollment stored = found.get();
            EnrollmentOutcome pending = stored.outcome();
            if (pending.status() != EnrollmentStatus.DUPLICATE_SUSPECTED) {
                return Result.refuseNow(
                        RegistryError.ENROLLMENT_NOT_PENDING,
                        "only an enrollment suspected as a duplicate can be adjudicated; this one is "
                                + pending.status());
            }
            return switch (ruling.decision()) {
                case ISSUE -> {
                    JsonObject identity = new JsonObject(new String(
                            cipher.open(stored.packet(), EnrollmentStore.packetAad(id)), StandardCharsets.UTF_8));
                    // The parked packet already holds templates (or kept images): this re-reads them.
                    yield biometrics
                            .intake()
                            .accept(identity, "/identity")
                            .compose(intake -> intake.thenAccept(accepted -> issue(
                                    tx,
                                    id,
                                    accepted,
                                    demographicKeys.of(accepted.identity()),
                                    pending.receivedAt(),
                                    now,
                                    actor)));
                }
                case REJECT ->
                    reject(
                                    tx,
                                    pending,
                                    List.of(ruling.reasonCode()
                                            .map(ReasonCode::value)
                                            .orElse(REASON_ADJUDICATED_REJECT)),
                                    Optional.empty(),
                                    now,
                                    AuditEvent.of(actor, AuditAction.ENROLLMENT_REJECTED, id.value()))
                            .map(Result::accepted);
                case LINK -> link(tx, pending, ruling.existing().orElseThrow(), now, actor);
            };
        }));
    }

    private Future<EnrollmentOutcome> decide(
            SqlConnection tx, RegistrationId id, FingerprintScreening screened, Instant now, String actor) {
        FingerprintIntake.Accepted accepted = screened.accepted();
        List<DedupKey> keys = demographicKeys.of(accepted.identity());
        // The fingerprint lock first, then the demographic keys: every writer takes them in this order.
        return fingerprintCandidates(tx, screened).compose(biometric -> demographicIndex
                .lockAndFindMatches(tx, keys)
                .compose(matches -> matches.isEmpty() && biometric.isEmpty()
                        ? issue(tx, id, accepted, keys, now, now, actor)
                        : park(tx, id, accepted.identity(), union(matches, biometric), biometric, now, actor)));
    }

    /** The screening's candidates plus any among templates written since the screening's search. */
    private Future<List<BiometricCandidate>> fingerprintCandidates(SqlConnection tx, FingerprintScreening screened) {
        if (!screened.accepted().hasFingerprints()) {
            return Future.succeededFuture(List.of());
        }
        FingerprintStore templates = biometrics.store();
        FingerprintGallery gallery = biometrics.gallery();
        BiometricSettings settings = biometrics.settings();
        return templates
                .lockWrites(tx)
                .compose(locked -> templates.since(tx, screened.completeUpTo(), Integer.MAX_VALUE))
                .compose(gallery::prepare)
                .compose(late -> gallery.searchAmong(
                        screened.accepted().prepared(),
                        late.stream()
                                .map(row -> Map.entry(row.uin(), row.fingers()))
                                .toList(),
                        settings.dedupThreshold(),
                        settings.maxCandidates()))
                .map(late -> BiometricCandidates.merge(screened.candidates(), late, settings.maxCandidates()));
    }

    private static List<Uin> union(List<Uin> demographic, List<BiometricCandidate> biometric) {
        Set<Uin> all = new LinkedHashSet<>(demographic);
        biometric.forEach(candidate -> all.add(candidate.uin()));
        return List.copyOf(all);
    }

    private Future<EnrollmentOutcome> issue(
            SqlConnection tx,
            RegistrationId id,
            FingerprintIntake.Accepted accepted,
            List<DedupKey> keys,
            Instant receivedAt,
            Instant now,
            String actor) {
        return identities.insertNew(tx, id, accepted.identity(), now).compose(uin -> storeTemplates(
                        tx, uin, accepted, now)
                .compose(v -> demographicIndex.replace(tx, uin, keys))
                .compose(v -> store.markIssued(tx, id, uin, now))
                .compose(v -> audit.append(
                        tx,
                        AuditEvent.of(actor, AuditAction.IDENTITY_ISSUED, uin).with("registrationId", id.value())))
                .map(seq -> new EnrollmentOutcome(
                        id,
                        EnrollmentStatus.ISSUED,
                        Optional.of(uin),
                        List.of(),
                        List.of(),
                        Optional.empty(),
                        receivedAt,
                        Optional.of(now),
                        List.of())));
    }

    /** Writes the identity's templates; the write lock is already held when enrollment searched. */
    private Future<Void> storeTemplates(SqlConnection tx, Uin uin, FingerprintIntake.Accepted accepted, Instant now) {
        if (!accepted.hasFingerprints()) {
            return Future.succeededFuture();
        }
        FingerprintStore templates = biometrics.store();
        return templates.lockWrites(tx).compose(locked -> templates.replace(tx, uin, 1, accepted.stored(), now));
    }

    private Future<EnrollmentOutcome> park(
            SqlConnection tx,
            RegistrationId id,
            JsonObject identity,
            List<Uin> candidates,
            List<BiometricCandidate> biometric,
            Instant now,
            String actor) {
        return store.markSuspected(tx, id, candidates, biometric, store.sealPacket(cipher, id, identity))
                .compose(v -> audit.append(
                        tx,
                        AuditEvent.of(actor, AuditAction.ENROLLMENT_DUPLICATE_SUSPECTED, id.value())
                                .with(
                                        "candidates",
                                        candidates.stream().map(Uin::value).toList())))
                .map(seq -> new EnrollmentOutcome(
                        id,
                        EnrollmentStatus.DUPLICATE_SUSPECTED,
                        Optional.empty(),
                        candidates,
                        List.of(),
                        Optional.empty(),
                        now,
                        Optional.empty(),
                        biometric));
    }

    private Future<Result<EnrollmentOutcome>> link(
            SqlConnection tx, EnrollmentOutcome pending, Uin existing, Instant now, String actor) {
        if (!pending.candidates().contains(existing)) {
            return Result.refuseNow(
                    RegistryError.VALIDATION_FAILED,
                    "a packet can only be linked to one of its candidates",
                    List.of(new Violation(
                            "/existingUin",
                            ViolationCode.FIELD_VALUE_NOT_ALLOWED,
                            "must be one of the candidate UINs")));
        }
        return reject(
                        tx,
                        pending,
                        List.of(REASON_DUPLICATE_OF_EXISTING),
                        Optional.of(existing),
                        now,
                        AuditEvent.of(actor, AuditAction.IDENTITY_LINKED, existing)
                                .with("registrationId", pending.registrationId().value()))
                .map(Result::accepted);
    }

    private Future<EnrollmentOutcome> reject(
            SqlConnection tx,
            EnrollmentOutcome pending,
            List<String> reasons,
            Optional<Uin> linked,
            Instant now,
            AuditEvent event) {
        RegistrationId id = pending.registrationId();
        return store.markRejected(tx, id, reasons, linked, now)
                .compose(v -> audit.append(tx, event.with("reasons", reasons)))
                .map(seq -> new EnrollmentOutcome(
                        id,
                        EnrollmentStatus.REJECTED,
                        Optional.empty(),
                        pending.candidates(),
                        reasons,
                        linked,
                        pending.receivedAt(),
                        Optional.of(now),
                        pending.biometricCandidates()));
    }

    /** The registration id was taken: by this very packet (a retry) or by another one (a client bug). */
    private Future<Result<EnrollmentOutcome>> replay(RegistrationId id, byte[] digest) {
        return store.find(pool, id, false).compose(found -> {
            EnrollmentStore.StoredEnrollment stored = found.orElseThrow();
            if (!MessageDigest.isEqual(stored.requestDigest(), digest)) {
                return Result.refuseNow(
                        RegistryError.REGISTRATION_ID_REUSED,
                        "this registration id was already used for a different packet");
            }
            return Result.acceptNow(stored.outcome());
        });
    }

    private static <T> Future<Result<T>> notFound() {
        return Result.refuseNow(RegistryError.ENROLLMENT_NOT_FOUND, "no enrollment has this registration id");
    }
}
