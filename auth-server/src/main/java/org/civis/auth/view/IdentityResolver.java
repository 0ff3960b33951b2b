package org.civis.auth;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import org.civis.auth.view.AuthView;
import org.civis.auth.view.AuthViews;
import org.civis.core.id.Uin;
import org.civis.core.id.Vid;
import org.civis.core.identity.IdentityStatus;

/**
 * Finds the identity named by {@code individualId} (a UIN, or a VID when
 * {@code individualIdType} says so) in the auth cache, and refuses it when it cannot be
 * authenticated now: unknown, VID revoked, expired or used up, identity deactivated or revoked.
 */
public final class IdentityResolver {
    private final AuthViews views;

    public IdentityResolver(AuthViews views) {
        this.views = views;
    }

    public Future<ResolvedIdentity> resolve(JsonObject payload, Instant now) {
        Object id = payload.getValue("individualId");
        Object type = payload.getValue("individualIdType", "UIN");
        if (!(id instanceof String individualId)) {
            return Future.failedFuture(new AuthRefusal(AuthError.REQUEST_INVALID, "individualId"));
        }
        if ("UIN".equals(type)) {
            Uin uin;
            try {
                uin = new Uin(individualId);
            } catch (IllegalArgumentException e) {
                return Future.failedFuture(new AuthRefusal(AuthError.REQUEST_INVALID, "individualId"));
            }
            return views.byUin(uin)
                    .compose(view -> usable(view, AuthError.IDENTITY_NOT_FOUND))
                    .map(view -> new ResolvedIdentity(view, Optional.empty()));
        }
        if ("VID".equals(type)) {
            Vid vid;
            try {
                vid = new Vid(individualId);
            } catch (IllegalArgumentException e) {
                return Future.failedFuture(new AuthRefusal(AuthError.REQUEST_INVALID, "individualId"));
            }
            return views.ownerOf(vid)
                    .compose(owner -> owner.isEmpty()
                            ? Future.failedFuture(new AuthRefusal(AuthError.VID_NOT_FOUND))
                            : views.byUin(owner.get()))
                    .compose(view -> usable(view, AuthError.VID_NOT_FOUND))
                    .compose(view -> {
                        var state = view.vid(vid.value());
                        if (state.isEmpty()) {
                            return Future.failedFuture(new AuthRefusal(AuthError.VID_NOT_FOUND));
                        }
                        var refusal = state.get().refusalAt(now);
                        return refusal.isPresent()
                                ? Future.failedFuture(new AuthRefusal(
                                        AuthError.valueOf(refusal.get().name())))
                                : Future.succeededFuture(new ResolvedIdentity(view, state));
                    });
        }
        return Future.failedFuture(new AuthRefusal(AuthError.REQUEST_INVALID, "individualIdType"));
    }

    private static Future<AuthView> usable(Optional<AuthView> found, AuthError whenMissing) {
        if (found.isEmpty()) {
            return Future.failedFuture(new AuthRefusal(whenMissing));
        }
        AuthView view = found.get();
        if (view.status() == IdentityStatus.DEACTIVATED) {
            return Future.failedFuture(new AuthRefusal(AuthError.IDENTITY_DEACTIVATED));
        }
        if (view.status() == IdentityStatus.REVOKED) {
            return Future.failedFuture(new AuthRefusal(AuthError.IDENTITY_REVOKED));
        }
        return Future.succeededFuture(view);
    }
}
