package org.civis.server.partnerapi;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import org.civis.auth.AdmittedRequest;
import org.civis.auth.AuthError;
import org.civis.auth.AuthFailure;
import org.civis.auth.AuthRefusal;
import org.civis.server.http.MediaTypes;

/**
 * {@code POST /v1/auth}, {@code /v1/kyc} and {@code /v1/otp}. The body is a compact JWS of the
 * JSON request, signed by one of the partner's registered keys, sent as
 * {@code Content-Type: application/jose} with {@code Authorization: Bearer <API key>}. Every
 * answer, refusals included, is a compact JWS signed by the server.
 */
final class PartnerRoutes {
    static final String JOSE = MediaTypes.JOSE;

    private final AuthComponents auth;

    PartnerRoutes(AuthComponents auth) {
        this.auth = auth;
    }

    void mount(Router router) {
        router.get("/.well-known/jwks.json").handler(ctx -> ctx.response()
                .putHeader("content-type", "application/jwk-set+json")
                .putHeader("cache-control", "max-age=300")
                .end(auth.jwks().json()));
        router.post("/v1/auth").handler(ctx -> authenticate(ctx, false));
        router.post("/v1/kyc").handler(ctx -> authenticate(ctx, true));
        router.post("/v1/otp").handler(this::otp);
    }

    private void authenticate(RoutingContext ctx, boolean kyc) {
        admit(ctx, kyc ? "kyc" : "auth")
                .compose(request -> auth.auth().authenticate(request, kyc).map(outcome -> {
                    Optional<String> partner =
                            Optional.of(request.partner().id().value());
                    Optional<String> transaction = Optional.of(request.transactionId());
                    String answer = kyc
                            ? auth.answers()
                                    .kyc(
                                            partner,
                                            transaction,
                                            outcome,
                                            request.partner().encryptionKey())
                            : auth.answers().authentication(partner, transaction, outcome);
                    return send(ctx, outcome.httpStatus(), answer);
                }))
                .recover(e -> refuse(ctx, e))
                .onFailure(ctx::fail);
    }

    private void otp(RoutingContext ctx) {
        admit(ctx, "otp")
                .compose(request -> auth.otps()
                        .sendForPartner(request)
                        .map(answer -> send(
                                ctx,
                                answer.httpStatus(),
                                auth.answers()
                                        .otp(
                                                Optional.of(
                                                        request.partner().id().value()),
                                                Optional.of(request.transactionId()),
                                                answer))))
                .recover(e -> refuse(ctx, e))
                .onFailure(ctx::fail);
    }

    private Future<AdmittedRequest> admit(RoutingContext ctx, String kind) {
        if (!MediaTypes.is(ctx.request().getHeader("content-type"), JOSE)) {
            return Future.failedFuture(new AuthRefusal(AuthError.UNSUPPORTED_MEDIA_TYPE));
        }
        String body = ctx.body().asString();
        return auth.gate()
                .admit(
                        Optional.ofNullable(ctx.request().getHeader("authorization")),
                        body == null ? "" : body.trim(),
                        kind);
    }

    private Future<Void> refuse(RoutingContext ctx, Throwable e) {
        if (e instanceof AuthRefusal refusal) {
            List<AuthFailure> failures = refusal.failures();
            return Future.succeededFuture(send(
                    ctx,
                    failures.get(0).code().status(),
                    auth.answers().refusal(Optional.empty(), Optional.empty(), failures)));
        }
        return Future.failedFuture(e);
    }

    private static Void send(RoutingContext ctx, int status, String jose) {
        ctx.response()
                .setStatusCode(status)
                .putHeader("content-type", JOSE)
                .putHeader("cache-control", "no-store")
                .end(jose);
        return null;
    }
}
