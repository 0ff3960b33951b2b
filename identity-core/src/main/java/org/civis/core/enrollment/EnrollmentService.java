package org.civis.core.enrollment;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.civis.core.RegistryError;
import org.civis.core.RegistryException;
import org.civis.core.audit.AuditAction;
import org.civis.core.audit.AuditEvent;
import org.civis.core.audit.AuditLog;
import org.civis.core.crypto.BlindIndex;
import org.civis.core.crypto.EnvelopeCipher;
import org.civis.core.dedup.DemographicIndex;
import org.civis.core.dedup.DemographicKeys;
import org.civis.core.dedup.DemographicKeys.DedupKey;
import org.civis.core.id.ReasonCode;
import org.civis.core.id.RegistrationId;
import org.civis.core.id.Uin;
import org.civis.core.identity.IdentityStore;
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
    private static final String REQUEST_DIGEST_DOMAIN = "enrollment-request";

    private final Pool pool;
    private final EnrollmentStore store = new EnrollmentStore();
    private final IdentityStore identities;
    private final SchemaValidator validator;
    private final DemographicKeys demographicKeys;
    private final DemographicIndex demographicIndex;
    private final BlindIndex blindIndex;
    private final EnvelopeCipher cipher;
    private final AuditLog audit;
    private final Clock clock;

    public EnrollmentService(
            Pool pool,
            IdentityStore identities,
            SchemaValidator validator,
            DemographicKeys demographicKeys,
            DemographicIndex demographicIndex,
            BlindIndex blindIndex,
            EnvelopeCipher cipher,
            AuditLog audit,
            Clock clock) {
        this.pool = pool;
        this.identities = identities;
        this.validator = validator;
        this.demographicKeys = demographicKeys;
        this.demographicIndex = demographicIndex;
        this.blindIndex = blindIndex;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Enrolls a packet. Sending the same registration id again returns the first outcome; sending
     * it with different data fails with REGISTRATION_ID_REUSED. Invalid data fails with
     * VALIDATION_FAILED and writes nothing.
     */
    public Future<EnrollmentOutcome> enroll(EnrollmentRequest request, String actor) {
        JsonObject identity = request.identity();
        List<Violation> violations = validator.validate(identity, "/identity");
        if (!violations.isEmpty()) {
            return Future.failedFuture(new RegistryException(
                    RegistryError.VALIDATION_FAILED, "the identity does not satisfy the ID schema", violations));
        }
        RegistrationId id = request.registrationId();
        // Keyed, so the stored digest says nothing about the packet to someone without the key.
        byte[] digest = blindIndex.digest(REQUEST_DIGEST_DOMAIN, CanonicalJson.encode(identity));
        Instant now = clock.instant();
        return pool.<Optional<EnrollmentOutcome>>withTransaction(tx -> store.claim(tx, id, digest, now)
                        .compose(claimed -> claimed
                                ? decide(tx, id, identity, now, actor).map(Optional::of)
                                : Future.succeededFuture(Optional.empty())))
                .compose(decided -> decided.isPresent() ? Future.succeededFuture(decided.get()) : replay(id, digest));
    }

    /** The outcome recorded for a registration id. */
    public Future<EnrollmentOutcome> outcome(RegistrationId id) {
        return store.find(pool, id, false)
                .compose(found -> found.map(stored -> Future.succeededFuture(stored.outcome()))
                        .orElseGet(EnrollmentService::notFound));
    }

    /** Settles a suspected duplicate. Only a DUPLICATE_SUSPECTED enrollment can be adjudicated. */
    public Future<EnrollmentOutcome> adjudicate(RegistrationId id, Adjudication ruling, String actor) {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> store.find(tx, id, true).compose(found -> {
            if (found.isEmpty()) {
                return notFound();
            }
            EnrollmentStore.StoredEnrollment stored = found.get();
            EnrollmentOutcome pending = stored.outcome();
            if (pending.status() != EnrollmentStatus.DUPLICATE_SUSPECTED) {
                return Future.failedFuture(new RegistryException(
                        RegistryError.ENROLLMENT_NOT_PENDING,
                        "only an enrollment suspected as a duplicate can be adjudicated; this one is "
                                + pending.status()));
            }
            return switch (ruling.decision()) {
                case ISSUE -> {
                    JsonObject identity = new JsonObject(
                            new String(cipher.open(stored.packet(), packetAad(id)), StandardCharsets.UTF_8));
                    yield issue(tx, id, identity, demographicKeys.of(identity), pending.receivedAt(), now, actor);
                }
                case REJECT ->
                    reject(
                            tx,
                            pending,
                            List.of(ruling.reasonCode().map(ReasonCode::value).orElse(REASON_ADJUDICATED_REJECT)),
                            Optional.empty(),
                            now,
                            AuditEvent.of(actor, AuditAction.ENROLLMENT_REJECTED, id.value()));
                case LINK -> link(tx, pending, ruling.existing().orElseThrow(), now, actor);
            };
        }));
    }

    private Future<EnrollmentOutcome> decide(
            SqlConnection tx, RegistrationId id, JsonObject identity, Instant now, String actor) {
        List<DedupKey> keys = demographicKeys.of(identity);
        return demographicIndex
                .lockAndFindMatches(tx, keys)
                .compose(matches -> matches.isEmpty()
                        ? issue(tx, id, identity, keys, now, now, actor)
                        : park(tx, id, identity, matches, now, actor));
    }

    private Future<EnrollmentOutcome> issue(
            SqlConnection tx,
            RegistrationId id,
            JsonObject identity,
            List<DedupKey> keys,
            Instant receivedAt,
            Instant now,
            String actor) {
        return identities.insertNew(tx, id, identity, now).compose(uin -> demographicIndex
                .replace(tx, uin, keys)
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
                        Optional.of(now))));
    }

    private Future<EnrollmentOutcome> park(
            SqlConnection tx, RegistrationId id, JsonObject identity, List<Uin> candidates, Instant now, String actor) {
        var packet = cipher.seal(identity.encode().getBytes(StandardCharsets.UTF_8), packetAad(id));
        return store.markSuspected(tx, id, candidates, packet)
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
                        Optional.empty()));
    }

    private Future<EnrollmentOutcome> link(
            SqlConnection tx, EnrollmentOutcome pending, Uin existing, Instant now, String actor) {
        if (!pending.candidates().contains(existing)) {
            return Future.failedFuture(new RegistryException(
                    RegistryError.VALIDATION_FAILED,
                    "a packet can only be linked to one of its candidates",
                    List.of(new Violation(
                            "/existingUin",
                            ViolationCode.FIELD_VALUE_NOT_ALLOWED,
                            "must be one of the candidate UINs"))));
        }
        return reject(
                tx,
                pending,
                List.of(REASON_DUPLICATE_OF_EXISTING),
                Optional.of(existing),
                now,
                AuditEvent.of(actor, AuditAction.IDENTITY_LINKED, existing)
                        .with("registrationId", pending.registrationId().value()));
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
                        Optional.of(now)));
    }

    /** The registration id was taken: by this very packet (a retry) or by another one (a client bug). */
    private Future<EnrollmentOutcome> replay(RegistrationId id, byte[] digest) {
        return store.find(pool, id, false).compose(found -> {
            EnrollmentStore.StoredEnrollment stored = found.orElseThrow();
            if (!MessageDigest.isEqual(stored.requestDigest(), digest)) {
                return Future.failedFuture(new RegistryException(
                        RegistryError.REGISTRATION_ID_REUSED,
                        "this registration id was already used for a different packet"));
            }
            return Future.succeededFuture(stored.outcome());
        });
    }

    private static byte[] packetAad(RegistrationId id) {
        return ("enrollment:" + id.value()).getBytes(StandardCharsets.UTF_8);
    }

    private static <T> Future<T> notFound() {
        return Future.failedFuture(
                new RegistryException(RegistryError.ENROLLMENT_NOT_FOUND, "no enrollment has this registration id"));
    }
}
