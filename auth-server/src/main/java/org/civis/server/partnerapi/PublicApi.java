package org.civis.server.partnerapi;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import java.time.Clock;
import org.civis.auth.credential.CredentialServices;
import org.civis.server.http.BodyBudget;
import org.civis.server.http.BodyLimits;
import org.civis.server.http.BodyLimits.Kind;
import org.civis.server.http.ErrorResponses;
import org.civis.server.http.Health;
import org.civis.server.http.RequestBodies;
import org.civis.server.oidc.OidcComponents;
import org.civis.server.oidc.OidcRoutes;
import org.civis.server.resident.ResidentComponents;
import org.civis.server.resident.ResidentRoutes;
import org.civis.server.signin.SignInPages;
import org.civis.server.trust.TrustRoutes;

/**
 * The public listener's router: health, partner API, resident API, the issuer's trust and status
 * lists, the OpenID provider's endpoints and sign-in pages, OpenAPI document.
 */
public final class PublicApi {
    private PublicApi() {}

    public static Router router(
            Vertx vertx,
            Health health,
            AuthComponents auth,
            ResidentComponents resident,
            OidcComponents oidc,
            CredentialServices issuance,
            BodyLimits limits,
            BodyBudget budget,
            Clock clock) {
        Router router = Router.router(vertx);
        // Auth and KYC requests may carry fingerprint images; revoking a VID takes no body.
        new RequestBodies(router, limits, budget)
                .declare(HttpMethod.POST, "/v1/auth", Kind.LARGE)
                .declare(HttpMethod.POST, "/v1/kyc", Kind.LARGE)
                .declare(HttpMethod.POST, "/v1/resident/me/vids/:vid/revoke", Kind.NONE)
                .mountDefault();
        health.mount(router);
        new PartnerRoutes(auth).mount(router);
        new ResidentRoutes(resident, clock).mount(router);
        new TrustRoutes(issuance, clock).mount(router);
        if (oidc != null) { // null where only the partner and resident routes are listed (OpenAPI conformance)
            new OidcRoutes(oidc, clock).mount(router);
            SignInPages.mount(
                    router,
                    oidc.flow(),
                    oidc.pages(),
                    oidc.idNumbers(),
                    request ->
                            resident.otpBudget().take(resident.clientAddress().of(request)),
                    clock);
        }
        OpenApiDocument.mount(router);
        ErrorResponses.install(router);
        return router;
    }
}
