package org.civis.server.admin;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import org.civis.auth.partner.PartnerService;
import org.civis.core.Registry;
import org.civis.issuance.CredentialService;
import org.civis.server.http.ErrorResponses;
import org.civis.server.http.Health;

/** The admin listener's router. */
public final class AdminApi {
    private AdminApi() {}

    public static Router router(
            Vertx vertx,
            Registry registry,
            PartnerService partners,
            CredentialService credentials,
            Health health,
            long maxBodyBytes,
            Clock clock) {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes));
        health.mount(router);
        new EnrollmentRoutes(registry.enrollments()).mount(router);
        new IdentityRoutes(registry.identities(), registry.settings()).mount(router);
        new VidRoutes(registry.vids(), clock).mount(router);
        new LockRoutes(registry.locks(), clock).mount(router);
        new PartnerRoutes(partners).mount(router);
        new CredentialRoutes(credentials).mount(router);
        router.get("/v1/audit/verify")
                .handler(ctx -> reply(
                        ctx,
                        registry.auditChainer()
                                .chainPending()
                                .compose(chained -> registry.auditVerifier().verify())
                                .map(v -> {
                                    JsonObject json = new JsonObject()
                                            .put("intact", v.intact())
                                            .put("entriesChecked", v.entriesChecked())
                                            .put("pendingEntries", v.pendingEntries())
                                            .put("headHash", v.headHash());
                                    if (!v.intact()) {
                                        json.put("firstBrokenSeq", v.firstBrokenSeq())
                                                .put("problem", v.problem().name());
                                    }
                                    return json;
                                })));
        ErrorResponses.install(router);
        return router;
    }

    /** Answers 200 with the JSON the future yields, or hands its failure to the failure handler. */
    static void reply(RoutingContext ctx, Future<JsonObject> result) {
        result.onSuccess(ctx::json).onFailure(ctx::fail);
    }
}
