package org.civis.verifier.status;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.civis.verifier.verdict.ErrorCode;
import org.civis.verifier.internal.Rejection;
import org.civis.verifier.spec.TokenStatus;

/**
 * The verified Status List Tokens a device holds, and the lookup. Rules, chosen for an offline
 * verifier:
 *
 * <ul>
 *   <li>A token is used for a credential only if its {@code sub} equals the credential's uri.
 *   <li>It must be current at the judged instant: issued at or before it, and before its
 *       {@code exp} if it has one. {@code ttl} only says when to fetch a fresh list; an offline
 *       device often cannot, and an old list is still the best knowledge it has, so ttl does not
 *       make a list unusable.
 *   <li>Among current tokens for a uri, the most recently issued wins.
 *   <li>No current token: status {@code UNKNOWN}, and the verdict stays what the signature and
 *       times say. An offline verifier cannot prove a negative; it reports what it does not know.
 * </ul>
 */
public final class StatusLists {
    /** The status and, when the verifier found the list, which token answered. */
    public record Lookup(CredentialStatus status, Optional<StatusListToken> token) {}

    private final List<StatusListToken> tokens;

    public StatusLists(List<StatusListToken> tokens) {
        this.tokens = List.copyOf(tokens);
    }

    public static StatusLists none() {
        return new StatusLists(List.of());
    }

    public List<StatusListToken> tokens() {
        return tokens;
    }

    public Lookup lookup(StatusReference reference, Instant at) throws Rejection {
        Optional<StatusListToken> token = tokens.stream()
                .filter(t -> t.uri().equals(reference.uri()))
                .filter(t -> t.currentAt(at))
                .max(Comparator.comparing(StatusListToken::issuedAt));
        if (token.isEmpty()) {
            return new Lookup(CredentialStatus.UNKNOWN, Optional.empty());
        }
        int value = token.get()
                .valueAt(reference.index())
                .orElseThrow(() -> new Rejection(
                        ErrorCode.STATUS_INDEX_OUT_OF_RANGE,
                        "index " + reference.index() + " is beyond the list's "
                                + token.get().size() + " entries"));
        CredentialStatus status =
                switch (value) {
                    case TokenStatus.VALID -> CredentialStatus.VALID;
                    case TokenStatus.INVALID -> CredentialStatus.INVALID;
                    case TokenStatus.SUSPENDED -> CredentialStatus.SUSPENDED;
                    default -> CredentialStatus.UNRECOGNIZED;
                };
        return new Lookup(status, token);
    }
}
