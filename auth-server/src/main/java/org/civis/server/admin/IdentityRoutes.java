package org.civis.server.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.civis.core.RegistrySettings;
import org.civis.core.id.ReasonCode;
import org.civis.core.id.Uin;
import org.civis.core.identity.Identity;
import org.civis.core.identity.IdentityService;
import org.civis.core.identity.IdentityStatus;
import org.civis.core.refusal.Result;
import org.civis.core.schema.ViolationCode;
import org.civis.server.http.ApiError;
import org.civis.server.http.JsonBody;
import org.civis.server.http.Replies;
import org.civis.server.registry.RegistryJson;

/** Reading, updating and the status lifecycle of identities, plus the ID schema in force. */
final class IdentityRoutes {
    private final IdentityService identities;
    private final RegistrySettings settings;

    IdentityRoutes(IdentityService identities, RegistrySettings settings) {
        this.identities = identities;
        this.settings = settings;
    }

    void mount(Router router) {
        router.get("/v1/schema").handler(ctx -> ctx.json(settings.schema().toJson()));
        router.get("/v1/identities/:uin").handler(this::read);
        router.patch("/v1/identities/:uin").handler(this::update);
        router.get("/v1/identities/:uin/status")
                .handler(ctx -> Replies.json(ctx, RequestIds.uin(ctx).then(uin -> identities
                        .status(uin)
                        .map(found -> found.map(status -> statusJson(uin, status))))));
        router.post("/v1/identities/:uin/deactivate").handler(ctx -> changeStatus(ctx, IdentityStatus.DEACTIVATED));
        router.post("/v1/identities/:uin/reactivate").handler(ctx -> changeStatus(ctx, IdentityStatus.ACTIVE));
        router.post("/v1/identities/:uin/revoke").handler(ctx -> changeStatus(ctx, IdentityStatus.REVOKED));
    }

    private void read(RoutingContext ctx) {
        String operator = RequestIds.actor(ctx);
        Future<Result<Identity>> read = RequestIds.uin(ctx).then(uin -> {
            String version = ctx.queryParams().get("version");
            if (version == null) {
                return identities.read(uin, operator);
            }
            if (!version.matches("[1-9][0-9]{0,8}")) {
                return Result.refuseNow(ApiError.VALIDATION_FAILED, "version must be a positive whole number");
            }
            return identities.readVersion(uin, Integer.parseInt(version), operator);
        });
        Replies.json(ctx, read, RegistryJson::identity);
    }

    private void update(RoutingContext ctx) {
        String operator = RequestIds.actor(ctx);
        Future<Result<Identity>> updated = RequestIds.uin(ctx).then(uin -> JsonBody.of(ctx)
                .flatMap(body -> {
                    body.allowOnly("identity");
                    Optional<JsonObject> changes = body.object("identity", true);
                    changes.filter(JsonObject::isEmpty)
                            .ifPresent(empty -> body.add(
                                    "identity", ViolationCode.FIELD_EMPTY, "name at least one field to change"));
                    return body.parsed(changes::get);
                })
                .then(changes -> identities.update(uin, changes, operator)));
        // The answer names the new version, not the data: whoever needs the data reads it (audited).
        Replies.json(ctx, updated, identity -> new JsonObject()
                .put("uin", identity.uin().value())
                .put("version", identity.version())
                .put("status", identity.status().name()));
    }

    private void changeStatus(RoutingContext ctx, IdentityStatus target) {
        String operator = RequestIds.actor(ctx);
        Replies.json(ctx, RequestIds.uin(ctx).then(uin -> JsonBody.optional(ctx)
                .flatMap(body -> {
                    body.allowOnly("reasonCode");
                    Optional<ReasonCode> reason = body.reasonCode("reasonCode");
                    return body.parsed(() -> reason);
                })
                .then(reason -> identities
                        .changeStatus(uin, target, reason, operator)
                        .map(changed -> changed.map(status -> statusJson(uin, status))))));
    }

    private static JsonObject statusJson(Uin uin, IdentityStatus status) {
        return new JsonObject().put("uin", uin.value()).put("status", status.name());
    }
}
