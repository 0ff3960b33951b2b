package org.civis.auth.admission;

import java.util.List;
import java.util.Optional;
import org.civis.auth.partner.PartnerId;
import org.civis.auth.refusal.AuthFailure;
import org.civis.auth.transaction.TransactionId;

/**
 * A partner request refused without a decision on it: by admission, or because its decision could
 * not be recorded. It names the partner once its API key was accepted, and the transaction once
 * its signed payload was read, so a partner can tell which of its requests was refused.
 */
public record PartnerRefusal(
        Optional<PartnerId> partner, Optional<TransactionId> transactionId, List<AuthFailure> failures)
        implements AdmissionResult {

    public PartnerRefusal {
        if (failures.isEmpty()) {
            throw new IllegalArgumentException("a refusal names at least one failure");
        }
        failures = List.copyOf(failures);
    }

    /** The HTTP status of the answer: that of the first error. */
    public int httpStatus() {
        return failures.get(0).code().status();
    }
}
