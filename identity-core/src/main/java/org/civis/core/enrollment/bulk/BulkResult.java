package org.civis.core.enrollment.bulk;

import java.util.List;
import org.civis.core.enrollment.EnrollmentOutcome;
import org.civis.core.id.RegistrationId;
import org.civis.core.id.Uin;
import org.civis.core.refusal.RegistryError;
import org.civis.core.schema.Violation;

/** What a bulk batch did with one packet. */
public sealed interface BulkResult {
    RegistrationId registrationId();

    /** Issued a new UIN in this batch. */
    record Issued(RegistrationId registrationId, Uin uin) implements BulkResult {}

    /** Parked as DUPLICATE_SUSPECTED, as single enrollment parks it: candidates from the table or the batch. */
    record Parked(RegistrationId registrationId, List<Uin> candidates) implements BulkResult {
        public Parked {
            candidates = List.copyOf(candidates);
        }
    }

    /** The registration id was decided before (a rerun): its first outcome, unchanged. */
    record Existing(EnrollmentOutcome earlier) implements BulkResult {
        @Override
        public RegistrationId registrationId() {
            return earlier.registrationId();
        }
    }

    /** Nothing written: VALIDATION_FAILED (with violations) or REGISTRATION_ID_REUSED for other data. */
    record Refused(RegistrationId registrationId, RegistryError code, List<Violation> violations)
            implements BulkResult {
        public Refused {
            violations = List.copyOf(violations);
        }
    }
}
