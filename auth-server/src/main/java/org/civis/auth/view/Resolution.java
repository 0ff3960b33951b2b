package org.civis.auth.view;

import org.civis.auth.refusal.AuthFailure;

/** What {@link IdentityResolver} found: an identity that may be authenticated now, or why there is none. */
public sealed interface Resolution permits ResolvedIdentity, Resolution.Unresolved {

    /** No usable identity: unknown, VID revoked, expired or used up, identity deactivated or revoked. */
    record Unresolved(AuthFailure failure) implements Resolution {}
}
