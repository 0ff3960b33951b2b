package org.civis.core.identity;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;
import org.civis.core.audit.AuditAction;
import org.civis.core.audit.AuditEvent;
import org.civis.core.audit.AuditLog;
import org.civis.core.biometrics.Biometrics;
import org.civis.core.biometrics.FingerprintIntake;
import org.civis.core.biometrics.FingerprintStore;
import org.civis.core.dedup.DemographicIndex;
import org.civis.core.dedup.DemographicKeys;
import org.civis.core.id.ReasonCode;
import org.civis.core.id.Uin;
import org.civis.core.refusal.RegistryError;
import org.civis.core.refusal.Result;
import org.civis.core.schema.SchemaValidator;
import org.civis.core.schema.Violation;

/** Reading, updating and changing the status of issued identities; each call audited. */
public final class IdentityService {
    private final Pool pool;
    private final IdentityStore store;
    private final SchemaValidator validator;
    private final DemographicKeys demographicKeys;
    private final DemographicIndex demographicIndex;
    private final Biometrics biometrics;
    private final AuditLog audit;
    private final IdentityChanges authChanges;
    private final Clock clock;

    public IdentityService(
            Pool pool,
            IdentityStore store,
            SchemaValidator validator,
            DemographicKeys demographicKeys,
            DemographicIndex demographicIndex,
            Biometrics biometrics,
            AuditLog audit,
            IdentityChanges changes,
            Clock clock) {
        this.pool = pool;
        this.store = store;
        this.validator = validator;
        this.demographicKeys = demographicKeys;
        this.demographicIndex = demographicIndex;
        this.biometrics = biometrics;
        this.audit = audit;
        this.authChanges = changes;
        this.clock = clock;
    }

    /** The current version with its personal data; the read itself is audited. */
    public Future<Result<Identity>> read(Uin uin, String actor) {
        return readAudited(uin, IdentityStore.IdentityRow::currentVersion, actor);
    }

    /** An earlier (or the current) version; audited like any read of personal data. */
    public Future<Result<Identity>> readVersion(Uin uin, int version, String actor) {
        return readAudited(uin, row -> version, actor);
    }

    private Future<Result<Identity>> readAudited(
            Uin uin, ToIntFunction<IdentityStore.IdentityRow> version, String actor) {
        return pool.withTransaction(tx -> store.row(tx, uin, false)
                .compose(found -> found.then(row -> store.read(tx, row, version.applyAsInt(row))))
                .compose(found -> found.thenAccept(identity -> audit.append(
                                tx,
                                AuditEvent.of(actor, AuditAction.IDENTITY_READ, uin)
                                        .with("version", identity.version()))
                        .map(identity))));
    }

    /** The status alone, without decrypting anything (not a read of personal data). */
    public Future<Result<IdentityStatus>> status(Uin uin) {
        return pool.withConnection(c -> store.row(c, uin, false))
                .map(found -> found.map(IdentityStore.IdentityRow::status));
    }

    /**
     * Applies {@code changes} (a field set to null is removed) as a new version; the old version is
     * kept. The merged identity must satisfy the schema. A revoked identity cannot be updated.
     */
    public Future<Result<Identity>> update(Uin uin, JsonObject changes, String actor) {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> store.row(tx, uin, true)
                        .compose(found -> found.then(row -> {
                            if (row.status() == IdentityStatus.REVOKED) {
                                return Result.<Identity>refuseNow(
                                        RegistryError.IDENTITY_STATE_CONFLICT, "a revoked identity cannot be updated");
                            }
                            return store.read(tx, row, row.currentVersion())
                                    .compose(read -> read.then(current -> {
                                        JsonObject merged = merge(current.fields(), changes);
                                        List<Violation> violations = validator.validate(merged, "/identity");
                                        if (!violations.isEmpty()) {
                                            return Result.<Identity>refuseNow(
                                                    RegistryError.VALIDATION_FAILED,
                                                    "the updated identity does not satisfy the ID schema",
                                                    violations);
                                        }
                                        int version = row.currentVersion() + 1;
                                        // Refused fingerprints are refused before anything is written.
                                        return withTemplates(merged, changes)
                                                .compose(intake -> intake.thenAccept(accepted -> store.insertVersion(
                                                                tx, uin, version, accepted.identity(), now)
                                                        .compose(v -> store.setCurrentVersion(tx, uin, version, now))
                                                        .compose(v -> replaceTemplates(
                                                                tx, uin, version, accepted, changes, now))
                                                        .compose(v -> demographicIndex.replace(
                                                                tx, uin, demographicKeys.of(merged)))
                                                        .compose(v -> audit.append(
                                                                tx,
                                                                AuditEvent.of(actor, AuditAction.IDENTITY_UPDATED, uin)
                                                                        .with("version", version)
                                                                        .with(
                                                                                "fields",
                                                                                changes.fieldNames().stream()
                                                                                        .sorted()
                                                                                        .toList())))
                                                        .map(seq -> new Identity(
                                                                uin,
                                                                row.status(),
                                                                version,
                                                                version,
                                                                accepted.identity(),
                                                                row.createdAt(),
                                                                now))));
                                    }));
                        })))
                .compose(updated ->
                        updated.thenAccept(identity -> authChanges.changed(uin).map(identity)));
    }

    /** The merged document with new fingerprints extracted; untouched when the changes leave them alone. */
    private Future<Result<FingerprintIntake.Accepted>> withTemplates(JsonObject merged, JsonObject changes) {
        return biometrics.intake().touchesFingerprints(changes)
                ? biometrics.intake().accept(merged, "/identity")
                : Result.acceptNow(new FingerprintIntake.Accepted(merged, List.of(), List.of()));
    }

    /**
     * New fingerprints replace the stored templates (none left removes them). Fingerprints are not
     * searched against the gallery on update: that belongs to an authority's re-enrollment process.
     */
    private Future<Void> replaceTemplates(
            SqlConnection tx,
            Uin uin,
            int version,
            FingerprintIntake.Accepted accepted,
            JsonObject changes,
            Instant now) {
        if (!biometrics.intake().touchesFingerprints(changes)) {
            return Future.succeededFuture();
        }
        FingerprintStore templates = biometrics.store();
        return templates.lockWrites(tx).compose(locked -> templates.replace(tx, uin, version, accepted.stored(), now));
    }

    /**
     * Moves the identity to {@code target}. Asking for the status it already has changes nothing
     * (a retried call succeeds); a move the lifecycle forbids is refused with IDENTITY_STATE_CONFLICT.
     */
    public Future<Result<IdentityStatus>> changeStatus(
            Uin uin, IdentityStatus target, Optional<ReasonCode> reason, String actor) {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> store.row(tx, uin, true)
                        .compose(found -> found.then(row -> {
                            if (row.status() == target) {
                                return Result.acceptNow(target);
                            }
                            if (!row.status().canBecome(target)) {
                                return Result.<IdentityStatus>refuseNow(
                                        RegistryError.IDENTITY_STATE_CONFLICT,
                                        "an identity that is " + row.status() + " cannot become " + target);
                            }
                            AuditEvent event = AuditEvent.of(actor, auditAction(target), uin)
                                    .with("from", row.status().name());
                            AuditEvent recorded = reason.map(code -> event.with("reason", code.value()))
                                    .orElse(event);
                            return store.setStatus(tx, uin, target, now)
                                    .compose(v -> audit.append(tx, recorded))
                                    .map(seq -> Result.accepted(target));
                        })))
                .compose(changed ->
                        changed.thenAccept(status -> authChanges.changed(uin).map(status)));
    }

    private static AuditAction auditAction(IdentityStatus target) {
        return switch (target) {
            case ACTIVE -> AuditAction.IDENTITY_REACTIVATED;
            case DEACTIVATED -> AuditAction.IDENTITY_DEACTIVATED;
            case REVOKED -> AuditAction.IDENTITY_REVOKED;
        };
    }

    private static JsonObject merge(JsonObject current, JsonObject changes) {
        JsonObject merged = current.copy();
        changes.forEach(change -> {
            if (change.getValue() == null) {
                merged.remove(change.getKey());
            } else {
                merged.put(change.getKey(), change.getValue());
            }
        });
        return merged;
    }
}
