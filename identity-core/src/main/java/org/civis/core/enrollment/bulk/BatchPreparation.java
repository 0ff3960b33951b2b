package org.civis.core.enrollment.bulk;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.civis.core.biometrics.BiometricWorkers;
import org.civis.core.biometrics.FingerprintIntake;
import org.civis.core.biometrics.FingerprintStore;
import org.civis.core.crypto.SealedRecord;
import org.civis.core.dedup.DemographicKeys;
import org.civis.core.dedup.DemographicKeys.DedupKey;
import org.civis.core.enrollment.EnrollmentRequest;
import org.civis.core.enrollment.PacketDigest;
import org.civis.core.id.RegistrationId;
import org.civis.core.id.Uin;
import org.civis.core.identity.IdentityStore;
import org.civis.core.refusal.RegistryError;
import org.civis.core.refusal.Result;
import org.civis.core.schema.SchemaValidator;
import org.civis.core.schema.Violation;

/**
 * The CPU half of a batch, done before its transaction and on the registry's bounded workers:
 * schema validation, fingerprint intake (the same as single enrollment's), the packet digest and
 * dedup keys, a drawn UIN, and the identity and its templates sealed to that UIN. The transaction
 * then only writes; the rare packet whose UIN turns out taken is drawn and sealed again.
 */
final class BatchPreparation {
    /** Packets whose fingers are extracted at once: their jobs must fit in the workers' queue. */
    private static final int INTAKE_WAVE = 16;

    private final SchemaValidator validator;
    private final FingerprintIntake intake;
    private final BiometricWorkers workers;
    private final PacketDigest packetDigest;
    private final DemographicKeys demographicKeys;
    private final IdentityStore identities;
    private final FingerprintStore templates;

    BatchPreparation(
            SchemaValidator validator,
            FingerprintIntake intake,
            BiometricWorkers workers,
            PacketDigest packetDigest,
            DemographicKeys demographicKeys,
            IdentityStore identities,
            FingerprintStore templates) {
        this.validator = validator;
        this.intake = intake;
        this.workers = workers;
        this.packetDigest = packetDigest;
        this.demographicKeys = demographicKeys;
        this.identities = identities;
        this.templates = templates;
    }

    /** A packet ready to write; {@code fingers} is null when it has none. */
    record Prepared(
            EnrollmentRequest request,
            byte[] digest,
            FingerprintIntake.Accepted accepted,
            List<DedupKey> keys,
            Uin uin,
            SealedRecord identity,
            SealedRecord fingers) {
        RegistrationId id() {
            return request.registrationId();
        }
    }

    /** Packets ready to write, in batch order, and those refused before any write. */
    record Batch(List<Prepared> ready, List<BulkResult.Refused> refused) {}

    Future<Batch> prepare(List<EnrollmentRequest> packets) {
        List<BulkResult.Refused> refused = new ArrayList<>();
        return onWorkers(packets, packet -> validator.validate(packet.identity(), "/identity"))
                .compose(violations -> {
                    List<EnrollmentRequest> valid = new ArrayList<>();
                    for (int i = 0; i < packets.size(); i++) {
                        if (violations.get(i).isEmpty()) {
                            valid.add(packets.get(i));
                        } else {
                            refused.add(refusal(packets.get(i).registrationId(), violations.get(i)));
                        }
                    }
                    return intakeInWaves(valid, 0, new ArrayList<>(), refused);
                })
                .compose(accepted -> onWorkers(accepted, this::seal))
                .map(ready -> new Batch(ready, refused));
    }

    /** The same packet under a freshly drawn UIN, sealed again (its UIN was taken meanwhile). */
    Future<List<Prepared>> redraw(List<Prepared> taken) {
        return onWorkers(taken, p -> seal(p.request(), p.digest(), p.accepted(), p.keys()));
    }

    private Future<List<Prepared>> intakeInWaves(
            List<EnrollmentRequest> valid, int from, List<Prepared> accepted, List<BulkResult.Refused> refused) {
        if (from >= valid.size()) {
            return Future.succeededFuture(accepted);
        }
        List<EnrollmentRequest> wave = valid.subList(from, Math.min(valid.size(), from + INTAKE_WAVE));
        List<Future<Result<FingerprintIntake.Accepted>>> taken = wave.stream()
                .map(packet -> intake.accept(packet.identity(), "/identity"))
                .toList();
        return Future.join(taken).transform(done -> {
            for (int i = 0; i < wave.size(); i++) {
                Future<Result<FingerprintIntake.Accepted>> one = taken.get(i);
                if (one.succeeded() && one.result() instanceof Result.Accepted<FingerprintIntake.Accepted> ok) {
                    // Digest and keys are computed in the sealing step, on the workers.
                    accepted.add(new Prepared(wave.get(i), null, ok.value(), null, null, null, null));
                } else if (one.succeeded() && one.result() instanceof Result.Refused<FingerprintIntake.Accepted> no) {
                    // The intake refuses only VALIDATION_FAILED, one violation per unusable finger.
                    refused.add(
                            refusal(wave.get(i).registrationId(), no.refusal().violations()));
                } else {
                    return Future.failedFuture(one.cause()); // workers busy or broken: the batch fails whole
                }
            }
            return intakeInWaves(valid, from + INTAKE_WAVE, accepted, refused);
        });
    }

    private Prepared seal(Prepared intaken) {
        EnrollmentRequest request = intaken.request();
        return seal(
                request,
                packetDigest.of(request.identity()),
                intaken.accepted(),
                demographicKeys.of(intaken.accepted().identity()));
    }

    private Prepared seal(
            EnrollmentRequest request, byte[] digest, FingerprintIntake.Accepted accepted, List<DedupKey> keys) {
        Uin uin = identities.drawUin();
        return new Prepared(
                request,
                digest,
                accepted,
                keys,
                uin,
                identities.sealVersion(uin, 1, accepted.identity()),
                accepted.hasFingerprints() ? templates.seal(uin, accepted.stored()) : null);
    }

    /** Maps {@code items} in as many slices as there are workers, keeping their order. */
    private <T, R> Future<List<R>> onWorkers(List<T> items, Function<T, R> work) {
        if (items.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        int slices = Math.min(workers.threads(), items.size());
        List<Future<List<R>>> parts = new ArrayList<>(slices);
        for (int s = 0; s < slices; s++) {
            List<T> slice = items.subList(s * items.size() / slices, (s + 1) * items.size() / slices);
            parts.add(workers.submit(() -> slice.stream().map(work).toList()));
        }
        return Future.all(parts).map(all -> {
            List<R> joined = new ArrayList<>(items.size());
            parts.forEach(part -> joined.addAll(part.result()));
            return joined;
        });
    }

    private static BulkResult.Refused refusal(RegistrationId id, List<Violation> violations) {
        return new BulkResult.Refused(id, RegistryError.VALIDATION_FAILED, violations);
    }
}
