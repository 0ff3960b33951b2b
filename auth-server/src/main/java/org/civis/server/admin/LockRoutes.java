package org.civis.server.admin;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.civis.core.id.Uin;
import org.civis.core.lock.AuthLockService;
import org.civis.core.lock.AuthType;
import org.civis.core.schema.ViolationCode;
import org.civis.server.http.JsonBody;

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
            AdminApi.reply(ctx, locks.locks(uin).map(states -> RegistryJson.locks(uin, states, clock.instant())));
        });
        router.post("/v1/identities/:uin/locks").handler(this::change);
    }

    /** Body: {"authTypes": ["demo", "otp", "bio" or "all"], "locked": bool, "unlockForSeconds": n (unlock only)}. */
    private void change(RoutingContext ctx) {
        Uin uin = RequestIds.uin(ctx);
        String operator = RequestIds.operator(ctx);
        JsonBody body = JsonBody.of(ctx).allowOnly("authTypes", "locked", "unlockForSeconds");
        Set<AuthType> types = EnumSet.noneOf(AuthType.class);
        body.strings("authTypes", true).orElse(List.of()).forEach(name -> {
            try {
                types.addAll(AuthType.parse(name));
            } catch (IllegalArgumentException e) {
                body.add("authTypes", ViolationCode.FIELD_VALUE_NOT_ALLOWED, "each must be demo, otp, bio or all");
            }
        });
        Optional<Boolean> locked = body.bool("locked", true);
        Optional<Duration> openFor = body.integer(
                        "unlockForSeconds", 1, Duration.ofDays(366).toSeconds(), false)
                .map(Duration::ofSeconds);
        if (openFor.isPresent() && locked.orElse(false)) {
            body.add("unlockForSeconds", ViolationCode.FIELD_VALUE_NOT_ALLOWED, "goes with \"locked\": false only");
        }
        if (types.isEmpty()) {
            body.add("authTypes", ViolationCode.FIELD_EMPTY, "name at least one auth type");
        }
        body.requireValid();
        var change = locked.get() ? locks.lock(uin, types, operator) : locks.unlock(uin, types, openFor, operator);
        AdminApi.reply(ctx, change.map(states -> RegistryJson.locks(uin, states, clock.instant())));
    }
}
