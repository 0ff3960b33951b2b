package org.civis.server.trust;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import org.civis.auth.credential.CredentialServices;
import org.civis.auth.credential.IssuanceSettings;
import org.civis.core.refusal.Result;
import org.civis.issuer.bundle.VerifierBundle;
import org.civis.issuer.keys.IssuerKeyRing;
import org.civis.issuer.status.SignedStatusListToken;
import org.civis.server.http.ApiError;
import org.civis.server.http.ErrorResponses;
import org.civis.server.http.Replies;
import org.civis.verifier.spec.TokenStatus;

/**
 * What verifiers fetch, on the public listener: the issuer's trust list (JWKS and PEM
 * certificates), each Status List Token at the URI credentials name, and the verifier bundle with
 * all of them in one file.
 */
public final class TrustRoutes {
    public static final String JWKS = "/.well-known/civis/issuer-jwks.json";
    public static final String CERTIFICATES = "/.well-known/civis/issuer-certificates.pem";
    public static final String BUNDLE = "/.well-known/civis/verifier-bundle.json";

    private final CredentialServices issuance;
    private final Clock clock;

    public TrustRoutes(CredentialServices issuance, Clock clock) {
        this.issuance = issuance;
        this.clock = clock;
    }

    public void mount(Router router) {
        router.get(JWKS).handler(ctx -> ctx.response()
                .putHeader("content-type", "application/jwk-set+json")
                .putHeader("cache-control", "max-age=300")
                .end(ring().jwksJson()));
        router.get(CERTIFICATES).handler(ctx -> ctx.response()
                .putHeader("content-type", "application/pem-certificate-chain")
                .putHeader("cache-control", "max-age=300")
                .end(String.join("", ring().certificatePems())));
        router.get(IssuanceSettings.STATUS_LIST_PATH + ":listId").handler(this::statusList);
        router.get(BUNDLE).handler(ctx -> issuance.statusLists()
                .all()
                .map(tokens -> VerifierBundle.of(ring(), tokens, clock.instant()))
                .onSuccess(bundle -> ctx.response()
                        .putHeader("content-type", "application/json")
                        .putHeader("cache-control", "no-cache")
                        .end(bundle.encode()))
                .onFailure(ctx::fail));
    }

    private void statusList(RoutingContext ctx) {
        String raw = ctx.pathParam("listId");
        long maxAge = issuance.settings().statusListTtl().toSeconds();
        Future<Result<SignedStatusListToken>> token = raw.matches("[1-9][0-9]{0,8}")
                ? issuance.statusLists().token(Integer.parseInt(raw))
                : Future.succeededFuture(ErrorResponses.refused(ApiError.STATUS_LIST_NOT_FOUND));
        Replies.answer(ctx, token, found -> ctx.response()
                .putHeader("content-type", TokenStatus.CWT_MEDIA_TYPE)
                .putHeader("cache-control", "max-age=" + maxAge)
                .end(Buffer.buffer(found.token())));
    }

    private IssuerKeyRing ring() {
        return issuance.keys().ring();
    }
}
