package org.civis.core.enrollment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.civis.core.id.RegistrationId;
import org.civis.core.id.Uin;

/**
 * What became of a registration id. Reasons are stable codes, such as
 * {@code DUPLICATE_OF_EXISTING} or {@code ADJUDICATED_REJECT}.
 */
public record EnrollmentOutcome(
        RegistrationId registrationId,
        EnrollmentStatus status,
        Optional<Uin> uin,
        List<Uin> candidates,
        List<String> reasons,
        Optional<Uin> linkedUin,
        Instant receivedAt,
        Optional<Instant> decidedAt) {

    public EnrollmentOutcome {
        candidates = List.copyOf(candidates);
        reasons = List.copyOf(reasons);
    }
}
