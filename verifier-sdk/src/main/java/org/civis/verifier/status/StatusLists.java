package org.civis.verifier.status;

import java.util.List;

/**
 * The verified Status List Tokens a device holds. How the verifier uses them, chosen for an offline
 * device:
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
}
