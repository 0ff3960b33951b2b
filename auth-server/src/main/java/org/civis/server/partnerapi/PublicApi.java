package org.civis.server.partnerapi;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import org.civis.issuance.Issuance;
import org.civis.server.http.ErrorResponses;
import org.civis.server.http.Health;
import org.civis.server.trust.TrustRoutes;

/**
 * The public listener's router: health, partner API, resident API, the issuer's trust and status
 * lists, OpenAPI document.
 */
public final class PublicApi {
    private PublicApi() {}

    public static Router router(
            Vertx vertx, Health health, AuthComponents auth, Issuance issuance, long maxBodyBytes, Clock clock) {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes));
        health.mount(router);
        new PartnerRoutes(auth).mount(router);
        new ResidentRoutes(auth, clock).mount(router);
        new TrustRoutes(issuance, clock).mount(router);
        OpenApiDocument.mount(router);
        ErrorResponses.install(router);
        return router;
    }
}
