package org.civis.core.enrollment.bulk;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.civis.core.audit.AuditAction;
import org.civis.core.audit.AuditEvent;
import org.civis.core.audit.AuditLog;
import org.civis.core.biometrics.FingerprintStore;
import org.civis.core.dedup.DemographicIndex;
import org.civis.core.dedup.DemographicKeys.DedupKey;
import org.civis.core.enrollment.EnrollmentStore;
import org.civis.core.id.Uin;
import org.civis.core.identity.IdentityStore;

/**
 * Issues the packets a batch decided to issue, in the batch's transaction: claims their drawn UINs
 * (drawing again for the few taken meanwhile), then writes versions, templates, blind indexes,
 * outcomes and audit entries, one multi-row statement per table.
 */
final class Issuance {
    private static final int UIN_ATTEMPTS = 8;

    private final BatchPreparation preparation;
    private final IdentityStore identities;
    private final FingerprintStore templates;
    private final DemographicIndex demographicIndex;
    private final EnrollmentStore enrollments;
    private final AuditLog audit;

    Issuance(
            BatchPreparation preparation,
            IdentityStore identities,
            FingerprintStore templates,
            DemographicIndex demographicIndex,
            EnrollmentStore enrollments,
            AuditLog audit) {
        this.preparation = preparation;
        this.identities = identities;
        this.templates = templates;
        this.demographicIndex = demographicIndex;
        this.enrollments = enrollments;
        this.audit = audit;
    }

    /** Issues {@code toIssue}; the future holds them with the UINs they finally got. */
    Future<List<BatchPreparation.Prepared>> issue(
            SqlConnection tx, List<BatchPreparation.Prepared> toIssue, Instant now, String actor) {
        return claimUins(tx, toIssue, now, UIN_ATTEMPTS)
                .compose(issued -> write(tx, issued, now, actor).map(issued));
    }

    /** Claims the drawn UINs; those taken meanwhile are drawn and sealed again, then claimed. */
    private Future<List<BatchPreparation.Prepared>> claimUins(
            SqlConnection tx, List<BatchPreparation.Prepared> toIssue, Instant now, int attemptsLeft) {
        if (toIssue.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        if (attemptsLeft == 0) {
            return Future.failedFuture(new IllegalStateException("no free UIN after " + UIN_ATTEMPTS + " draws"));
        }
        // Two packets of the batch may draw the same number: the later one draws again.
        Set<Uin> drawn = new HashSet<>();
        List<BatchPreparation.Prepared> unique = new ArrayList<>();
        List<BatchPreparation.Prepared> clashing = new ArrayList<>();
        toIssue.forEach(p -> (drawn.add(p.uin()) ? unique : clashing).add(p));
        return identities
                .claimUins(
                        tx,
                        unique.stream().map(BatchPreparation.Prepared::id).toList(),
                        unique.stream().map(BatchPreparation.Prepared::uin).toList(),
                        now)
                .compose(claimed -> {
                    List<BatchPreparation.Prepared> done = new ArrayList<>();
                    List<BatchPreparation.Prepared> again = new ArrayList<>(clashing);
                    unique.forEach(p -> (claimed.contains(p.uin()) ? done : again).add(p));
                    if (again.isEmpty()) {
                        return Future.succeededFuture(done);
                    }
                    return preparation
                            .redraw(again)
                            .compose(redrawn -> claimUins(tx, redrawn, now, attemptsLeft - 1))
                            .map(more -> {
                                List<BatchPreparation.Prepared> all = new ArrayList<>(done);
                                all.addAll(more);
                                return all;
                            });
                });
    }

    private Future<Void> write(SqlConnection tx, List<BatchPreparation.Prepared> issued, Instant now, String actor) {
        if (issued.isEmpty()) {
            return Future.succeededFuture();
        }
        List<Uin> uins = issued.stream().map(BatchPreparation.Prepared::uin).toList();
        List<BatchPreparation.Prepared> withFingers =
                issued.stream().filter(p -> p.fingers() != null).toList();
        List<Uin> keyOwners = new ArrayList<>();
        List<DedupKey> keys = new ArrayList<>();
        issued.forEach(p -> p.keys().forEach(key -> {
            keyOwners.add(p.uin());
            keys.add(key);
        }));
        return identities
                .insertVersions(
                        tx,
                        uins,
                        1,
                        issued.stream().map(BatchPreparation.Prepared::identity).toList(),
                        now)
                .compose(v -> withFingers.isEmpty()
                        ? Future.succeededFuture()
                        : templates.insertAll(
                                tx,
                                withFingers.stream()
                                        .map(BatchPreparation.Prepared::uin)
                                        .toList(),
                                withFingers.stream()
                                        .map(p -> p.accepted().stored().size())
                                        .toList(),
                                withFingers.stream()
                                        .map(BatchPreparation.Prepared::fingers)
                                        .toList(),
                                now))
                .compose(v -> demographicIndex.insertAll(tx, keyOwners, keys))
                .compose(v -> enrollments.markIssuedAll(
                        tx, issued.stream().map(BatchPreparation.Prepared::id).toList(), uins, now))
                .compose(v -> audit.appendAll(
                        tx,
                        issued.stream()
                                .map(p -> AuditEvent.of(actor, AuditAction.IDENTITY_ISSUED, p.uin())
                                        .with("registrationId", p.id().value())
                                        .with("import", "bulk"))
                                .toList()));
    }
}
