package org.civis.server.admin;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import org.civis.core.id.Uin;
import org.civis.core.lock.AuthLockService;
import org.civis.server.http.JsonBody;
import org.civis.server.http.LockChange;
import org.civis.server.http.RegistryJson;
import org.civis.server.http.Replies;

/** GET and POST /v1/identities/{uin}/locks: which auth types are locked, and changing that. */
final class LockRoutes {
    private final AuthLockService locks;
    private final Clock clock;

    LockRoutes(AuthLockService locks, Clock clock) {
        this.locks = locks;
        this.clock = clock;
    }

    void mount(Router router) {
        router.get("/v1/identities/:uin/locks").handler(ctx -> {
            Uin uin = RequestIds.uin(ctx);
            Replies.json(ctx, locks.locks(uin), states -> RegistryJson.locks(uin, states, clock.instant()));
        });
        router.post("/v1/identities/:uin/locks").handler(this::change);
    }

    private void change(RoutingContext ctx) {
        Uin uin = RequestIds.uin(ctx);
        String operator = RequestIds.operator(ctx);
        LockChange change = LockChange.read(JsonBody.of(ctx));
        Replies.json(
                ctx, change.apply(locks, uin, operator), states -> RegistryJson.locks(uin, states, clock.instant()));
    }
}
