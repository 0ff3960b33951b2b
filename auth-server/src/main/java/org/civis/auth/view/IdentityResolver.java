package org.civis.auth.view;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;
import org.civis.auth.refusal.AuthError;
import org.civis.auth.refusal.AuthFailure;
import org.civis.core.id.IndividualId;
import org.civis.core.id.Uin;
import org.civis.core.id.Vid;
import org.civis.core.vid.VirtualId;

/**
 * Finds the identity a UIN or VID names in the auth cache, and refuses it when it cannot be
 * authenticated now: unknown, VID revoked, expired or used up, identity deactivated or revoked.
 * A refusal is a value; the future fails only when the cache or database does.
 */
public final class IdentityResolver {
    private final AuthViews views;

    public IdentityResolver(AuthViews views) {
        this.views = views;
    }

    public Future<Resolution> resolve(IndividualId id, Instant now) {
        if (id instanceof Vid vid) {
            return byVid(vid, now);
        }
        return views.byUin((Uin) id).map(found -> refusalOf(found, AuthError.IDENTITY_NOT_FOUND)
                .<Resolution>map(Resolution.Unresolved::new)
                .orElseGet(() -> new ResolvedIdentity(found.get(), Optional.empty())));
    }

    private Future<Resolution> byVid(Vid vid, Instant now) {
        return views.ownerOf(vid)
                .compose(owner -> owner.isEmpty()
                        ? Future.succeededFuture(refused(AuthError.VID_NOT_FOUND))
                        : views.byUin(owner.get()).map(found -> {
                            Optional<AuthFailure> refusal = refusalOf(found, AuthError.VID_NOT_FOUND);
                            if (refusal.isPresent()) {
                                return new Resolution.Unresolved(refusal.get());
                            }
                            Optional<VidState> state = found.get().vid(vid);
                            if (state.isEmpty()) {
                                return refused(AuthError.VID_NOT_FOUND);
                            }
                            return state.get()
                                    .refusalAt(now)
                                    .map(vidRefusal -> refused(vidError(vidRefusal)))
                                    .orElseGet(() -> new ResolvedIdentity(found.get(), state));
                        }));
    }

    private static AuthError vidError(VirtualId.Refusal refusal) {
        return switch (refusal) {
            case VID_REVOKED -> AuthError.VID_REVOKED;
            case VID_EXPIRED -> AuthError.VID_EXPIRED;
            case VID_USED_UP -> AuthError.VID_USED_UP;
        };
    }

    /** Why the view found cannot be authenticated now, if it cannot: missing, or the identity's status. */
    private static Optional<AuthFailure> refusalOf(Optional<AuthView> found, AuthError whenMissing) {
        if (found.isEmpty()) {
            return Optional.of(AuthFailure.of(whenMissing));
        }
        return switch (found.get().status()) {
            case ACTIVE -> Optional.empty();
            case DEACTIVATED -> Optional.of(AuthFailure.of(AuthError.IDENTITY_DEACTIVATED));
            case REVOKED -> Optional.of(AuthFailure.of(AuthError.IDENTITY_REVOKED));
        };
    }

    private static Resolution refused(AuthError error) {
        return new Resolution.Unresolved(AuthFailure.of(error));
    }
}
