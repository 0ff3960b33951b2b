package org.civis.auth.transaction;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.civis.auth.partner.PartnerId;
import org.civis.auth.refusal.AuthFailure;
import org.civis.core.id.IndividualId;
import org.civis.core.id.Uin;
import org.civis.core.lock.AuthType;

/**
 * One answered request: when, which partner (none for the resident portal's own sign-ins and
 * codes) and transaction, which identity (if it was resolved), which auth types, and the outcome
 * with its errors. No personal data.
 */
public record AuthRecord(
        Instant at,
        Optional<PartnerId> partner,
        TransactionId transactionId,
        Kind kind,
        Optional<Uin> uin,
        Optional<IndividualId.Type> idType,
        Set<AuthType> authTypes,
        boolean success,
        List<AuthFailure> errors) {

    /** What the partner_id column holds for the resident portal's rows (the history API shows it). */
    public static final String RESIDENT = "resident";

    public enum Kind {
        AUTH,
        KYC,
        OTP,
        RESIDENT,
        /** A step of an OpenID Connect sign-in; the partner is the relying party. */
        OIDC
    }

    public AuthRecord {
        if (partner.isEmpty() != (kind == Kind.RESIDENT)) {
            throw new IllegalArgumentException("a partner record names its partner; a resident record names none");
        }
        authTypes = Set.copyOf(authTypes);
        errors = List.copyOf(errors);
    }

    /** Who asked, as the partner_id column holds it. */
    public String requester() {
        return partner.map(PartnerId::value).orElse(RESIDENT);
    }
}
