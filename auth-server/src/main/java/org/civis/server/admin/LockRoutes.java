package org.civis.server.admin;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import org.civis.core.lock.AuthLockService;
import org.civis.server.http.JsonBody;
import org.civis.server.http.Replies;
import org.civis.server.registry.LockChangeBody;
import org.civis.server.registry.RegistryJson;

/** GET and POST /v1/identities/{uin}/locks: which auth types are locked, and changing that. */
final class LockRoutes {
    private final AuthLockService locks;
    private final Clock clock;

    LockRoutes(AuthLockService locks, Clock clock) {
        this.locks = locks;
        this.clock = clock;
    }

    void mount(Router router) {
        router.get("/v1/identities/:uin/locks")
                .handler(ctx -> Replies.json(ctx, RequestIds.uin(ctx).then(uin -> locks.locks(uin)
                        .map(found -> found.map(states -> RegistryJson.locks(uin, states, clock.instant()))))));
        router.post("/v1/identities/:uin/locks").handler(this::change);
    }

    private void change(RoutingContext ctx) {
        String operator = RequestIds.actor(ctx);
        Replies.json(ctx, RequestIds.uin(ctx).then(uin -> JsonBody.of(ctx)
                .flatMap(LockChangeBody::read)
                .then(change -> change.apply(locks, uin, operator))
                .map(changed -> changed.map(states -> RegistryJson.locks(uin, states, clock.instant())))));
    }
}
