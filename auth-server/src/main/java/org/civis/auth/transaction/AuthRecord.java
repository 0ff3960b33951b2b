package org.civis.auth.transaction;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One answered request: when, which partner and transaction, which identity (if it was resolved),
 * which auth types, and the outcome with its error codes. No personal data.
 */
public record AuthRecord(
        Instant at,
        String partnerId,
        String transactionId,
        Kind kind,
        Optional<String> uin,
        Optional<String> idType,
        List<String> authTypes,
        boolean success,
        List<String> errors) {

    public enum Kind {
        AUTH,
        KYC,
        OTP,
        RESIDENT
    }

    public AuthRecord {
        authTypes = List.copyOf(authTypes);
        errors = List.copyOf(errors);
    }
}
