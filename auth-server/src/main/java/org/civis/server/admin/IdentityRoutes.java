package org.civis.server.admin;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.civis.core.RegistrySettings;
import org.civis.core.id.ReasonCode;
import org.civis.core.id.Uin;
import org.civis.core.identity.IdentityService;
import org.civis.core.identity.IdentityStatus;
import org.civis.core.schema.ViolationCode;
import org.civis.server.http.ApiError;
import org.civis.server.http.ApiException;
import org.civis.server.http.JsonBody;
import org.civis.server.http.RegistryJson;
import org.civis.server.http.Replies;

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
        router.get("/v1/identities/:uin/status").handler(ctx -> {
            Uin uin = RequestIds.uin(ctx);
            Replies.json(ctx, identities.status(uin), status -> statusJson(uin, status));
        });
        router.post("/v1/identities/:uin/deactivate").handler(ctx -> changeStatus(ctx, IdentityStatus.DEACTIVATED));
        router.post("/v1/identities/:uin/reactivate").handler(ctx -> changeStatus(ctx, IdentityStatus.ACTIVE));
        router.post("/v1/identities/:uin/revoke").handler(ctx -> changeStatus(ctx, IdentityStatus.REVOKED));
    }

    private void read(RoutingContext ctx) {
        Uin uin = RequestIds.uin(ctx);
        String operator = RequestIds.operator(ctx);
        String version = ctx.queryParams().get("version");
        if (version == null) {
            Replies.json(ctx, identities.read(uin, operator), RegistryJson::identity);
            return;
        }
        if (!version.matches("[1-9][0-9]{0,8}")) {
            throw new ApiException(
                    ApiError.VALIDATION_FAILED, "version must be a positive whole number", java.util.List.of());
        }
        Replies.json(ctx, identities.readVersion(uin, Integer.parseInt(version), operator), RegistryJson::identity);
    }

    private void update(RoutingContext ctx) {
        Uin uin = RequestIds.uin(ctx);
        String operator = RequestIds.operator(ctx);
        JsonBody body = JsonBody.of(ctx).allowOnly("identity");
        Optional<JsonObject> changes = body.object("identity", true);
        changes.filter(JsonObject::isEmpty)
                .ifPresent(
                        empty -> body.add("identity", ViolationCode.FIELD_EMPTY, "name at least one field to change"));
        body.requireValid();
        // The answer names the new version, not the data: whoever needs the data reads it (audited).
        Replies.json(ctx, identities.update(uin, changes.get(), operator), updated -> new JsonObject()
                .put("uin", uin.value())
                .put("version", updated.version())
                .put("status", updated.status().name()));
    }

    private void changeStatus(RoutingContext ctx, IdentityStatus target) {
        Uin uin = RequestIds.uin(ctx);
        String operator = RequestIds.operator(ctx);
        JsonBody body = JsonBody.optional(ctx).allowOnly("reasonCode");
        Optional<ReasonCode> reason = body.reasonCode("reasonCode");
        body.requireValid();
        Replies.json(ctx, identities.changeStatus(uin, target, reason, operator), status -> statusJson(uin, status));
    }

    private static JsonObject statusJson(Uin uin, IdentityStatus status) {
        return new JsonObject().put("uin", uin.value()).put("status", status.name());
    }
}
