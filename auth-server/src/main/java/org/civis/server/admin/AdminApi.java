package org.civis.server.admin;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import org.civis.auth.credential.CredentialService;
import org.civis.auth.partner.PartnerService;
import org.civis.core.Registry;
import org.civis.server.http.BodyBudget;
import org.civis.server.http.BodyLimits;
import org.civis.server.http.BodyLimits.Kind;
import org.civis.server.http.ErrorResponses;
import org.civis.server.http.Health;
import org.civis.server.http.RequestBodies;
import org.civis.server.metrics.EnrollmentMetrics;
import org.civis.server.operator.AdminAccess;
import org.civis.server.operator.OperatorAuthHandler;

/**
 * The admin listener's router: every {@code /v1} operation needs an operator token holding one of
 * the roles {@link AdminAccess} names for it; the audit log records that operator.
 */
public final class AdminApi {
    private AdminApi() {}

    public static Router router(
            Vertx vertx,
            Registry registry,
            PartnerService partners,
            CredentialService credentials,
            Health health,
            BodyLimits limits,
            BodyBudget budget,
            EnrollmentMetrics enrollmentMetrics,
            OperatorAuthHandler operators,
            Clock clock) {
        Router router = Router.router(vertx);
        // First: an anonymous or unauthorised request is refused before its body is buffered.
        // /health/* and /metrics lie outside AdminAccess.PROTECTED and stay open to probes and scrapers.
        AdminAccess.install(router, operators);
        // Enrollments and identity updates carry fingerprint images; the partner state changes and
        // VID revocation are POSTs without a body.
        new RequestBodies(router, limits, budget)
                .declare(HttpMethod.POST, "/v1/enrollments", Kind.LARGE)
                .declare(HttpMethod.PATCH, "/v1/identities/:uin", Kind.LARGE)
                .declare(HttpMethod.POST, "/v1/partners/:partnerId/suspend", Kind.NONE)
                .declare(HttpMethod.POST, "/v1/partners/:partnerId/activate", Kind.NONE)
                .declare(HttpMethod.POST, "/v1/partners/:partnerId/api-key", Kind.NONE)
                .declare(HttpMethod.POST, "/v1/vids/:vid/revoke", Kind.NONE)
                .mountDefault();
        health.mount(router);
        new EnrollmentRoutes(registry.enrollments(), enrollmentMetrics).mount(router);
        new IdentityRoutes(registry.identities(), registry.settings()).mount(router);
        new VidRoutes(registry.vids(), clock).mount(router);
        new LockRoutes(registry.locks(), clock).mount(router);
        new PartnerAdminRoutes(partners).mount(router);
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
