package org.civis.core.enrollment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.civis.core.biometrics.BiometricCandidate;
import org.civis.core.id.RegistrationId;
import org.civis.core.id.Uin;

/**
 * What became of a registration id. Reasons are stable codes, such as
 * {@code DUPLICATE_OF_EXISTING} or {@code ADJUDICATED_REJECT}. {@code candidates} are all suspected
 * duplicates (demographic or fingerprint); {@code biometricCandidates} gives the fingerprint scores of
 * those found by fingerprint, best first.
 */
public record EnrollmentOutcome(
        RegistrationId registrationId,
        EnrollmentStatus status,
        Optional<Uin> uin,
        List<Uin> candidates,
        List<String> reasons,
        Optional<Uin> linkedUin,
        Instant receivedAt,
        Optional<Instant> decidedAt,
        List<BiometricCandidate> biometricCandidates) {

    public EnrollmentOutcome {
        candidates = List.copyOf(candidates);
        reasons = List.copyOf(reasons);
        biometricCandidates = List.copyOf(biometricCandidates);
    }
}
