package org.civis.core.enrollment;

import java.util.Objects;
import java.util.Optional;
import org.civis.core.id.ReasonCode;
import org.civis.core.id.Uin;

/**
 * An ID authority's ruling on a suspected duplicate.
 *
 * @param decision what to do
 * @param existing for LINK: the identity this packet belongs to (must be one of the candidates)
 * @param reasonCode an optional code recorded with a rejection, such as {@code FRAUD_SUSPECTED}
 */
public record Adjudication(Decision decision, Optional<Uin> existing, Optional<ReasonCode> reasonCode) {

    /** The rulings an adjudicator can make. */
    public enum Decision {
        /** Not the same person after all: issue a new UIN. */
        ISSUE,
        /** Refuse the packet. */
        REJECT,
        /** The same person as an existing identity: refuse the packet and point to that UIN. */
        LINK
    }

    public Adjudication {
        Objects.requireNonNull(decision, "decision");
        existing = Objects.requireNonNullElse(existing, Optional.empty());
        reasonCode = Objects.requireNonNullElse(reasonCode, Optional.empty());
        if ((decision == Decision.LINK) != existing.isPresent()) {
            throw new IllegalArgumentException("LINK names the existing UIN, and only LINK does");
        }
    }
}
