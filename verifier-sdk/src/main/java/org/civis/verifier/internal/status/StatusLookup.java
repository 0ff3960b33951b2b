package org.civis.verifier.internal.status;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import org.civis.verifier.spec.TokenStatus;
import org.civis.verifier.status.CredentialStatus;
import org.civis.verifier.status.StatusListToken;
import org.civis.verifier.status.StatusLists;
import org.civis.verifier.status.StatusReference;
import org.civis.verifier.verdict.ErrorCode;
import org.civis.verifier.verdict.VerificationError;

/** Looks a status reference up in the lists a device holds, by the rules {@link StatusLists} states. */
public final class StatusLookup {
    /** The status the lists give, or why the reference cannot be answered from them. */
    public sealed interface Answer permits Known, Refused {}

    public record Known(CredentialStatus status) implements Answer {}

    /** The reference points past the end of the issuer's list: the credential is malformed. */
    public record Refused(VerificationError error) implements Answer {}

    private StatusLookup() {}

    public static Answer lookup(StatusLists lists, StatusReference reference, Instant at) {
        Optional<StatusListToken> token = lists.tokens().stream()
                .filter(t -> t.uri().equals(reference.uri()))
                .filter(t -> t.currentAt(at))
                .max(Comparator.comparing(StatusListToken::issuedAt));
        if (token.isEmpty()) {
            return new Known(CredentialStatus.UNKNOWN);
        }
        Optional<Integer> value = token.get().valueAt(reference.index());
        if (value.isEmpty()) {
            return new Refused(new VerificationError(
                    ErrorCode.STATUS_INDEX_OUT_OF_RANGE,
                    "index " + reference.index() + " is beyond the list's "
                            + token.get().size() + " entries"));
        }
        return new Known(
                switch (value.get()) {
                    case TokenStatus.VALID -> CredentialStatus.VALID;
                    case TokenStatus.INVALID -> CredentialStatus.INVALID;
                    case TokenStatus.SUSPENDED -> CredentialStatus.SUSPENDED;
                    default -> CredentialStatus.UNRECOGNIZED;
                });
    }
}
