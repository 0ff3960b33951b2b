package org.civis.server.partnerapi;

import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import org.civis.auth.admission.AdmittedRequest;
import org.civis.auth.admission.PartnerRefusal;
import org.civis.auth.decision.AuthOutcome;
import org.civis.auth.otp.OtpRequests.OtpAnswer;
import org.civis.auth.partner.PartnerId;
import org.civis.auth.refusal.AuthError;
import org.civis.auth.refusal.AuthFailure;
import org.civis.auth.request.PartnerRequest.AuthRequest;
import org.civis.auth.request.PartnerRequest.OtpRequest;
import org.civis.auth.request.RequestKind;
import org.civis.auth.transaction.Committed;
import org.civis.auth.transaction.TransactionId;
import org.civis.server.http.MediaTypes;

/**
 * {@code POST /v1/auth}, {@code /v1/kyc} and {@code /v1/otp}. The body is a compact JWS of the
 * JSON request, signed by one of the partner's registered keys, sent as
 * {@code Content-Type: application/jose} with {@code Authorization: Bearer <API key>}. Every
 * answer, refusals included, is a compact JWS signed by the server.
 *
 * <p>Each route is a chain: admission, then the one service call for the route, which answers.
 * A refusal from either goes to {@link #refuse}, the one place that signs refusals.
 */
final class PartnerRoutes {
    static final String JOSE = MediaTypes.JOSE;
    private static final String ADMITTED = "civis.admitted";
    private static final String REFUSAL = "civis.refusal";
    private static final String KIND = "civis.kind";

    private final AuthComponents auth;

    PartnerRoutes(AuthComponents auth) {
        this.auth = auth;
    }

    void mount(Router router) {
        router.get("/.well-known/jwks.json").handler(ctx -> ctx.response()
                .putHeader("content-type", "application/jwk-set+json")
                .putHeader("cache-control", "max-age=300")
                .end(auth.jwks().json()));
        route(router, "/v1/auth", RequestKind.AUTH, this::authenticate);
        route(router, "/v1/kyc", RequestKind.KYC, this::authenticate);
        route(router, "/v1/otp", RequestKind.OTP, this::sendOtp);
    }

    private void route(Router router, String path, RequestKind kind, Handler<RoutingContext> decide) {
        router.post(path).handler(ctx -> admit(ctx, kind)).handler(decide).failureHandler(this::refuse);
    }

    /** Admission as a handler: an admitted request goes on to the next handler, a refused one to {@link #refuse}. */
    private void admit(RoutingContext ctx, RequestKind kind) {
        ctx.put(KIND, kind); // for the decision counter when the request is refused
        if (!MediaTypes.is(ctx.request().getHeader("content-type"), JOSE)) {
            fail(
                    ctx,
                    new PartnerRefusal(
                            Optional.empty(),
                            Optional.empty(),
                            List.of(AuthFailure.of(AuthError.UNSUPPORTED_MEDIA_TYPE))));
            return;
        }
        String body = ctx.body().asString();
        auth.admission()
                .admit(
                        kind,
                        Optional.ofNullable(ctx.request().getHeader("authorization")),
                        body == null ? "" : body.trim())
                .onSuccess(result -> {
                    if (result instanceof AdmittedRequest admitted) {
                        ctx.put(ADMITTED, admitted);
                        ctx.next();
                    } else {
                        fail(ctx, (PartnerRefusal) result);
                    }
                })
                .onFailure(ctx::fail);
    }

    /** {@code /v1/auth} and {@code /v1/kyc}: the decision, answered once recorded. */
    private void authenticate(RoutingContext ctx) {
        AdmittedRequest admitted = ctx.get(ADMITTED);
        AuthRequest request = (AuthRequest) admitted.request();
        auth.decision()
                .decide(admitted.partner(), request)
                // Signing or sealing that throws fails the future, and so reaches the failure path.
                .map(committed -> answer(ctx, admitted, request, committed))
                .onFailure(ctx::fail);
    }

    private Void answer(
            RoutingContext ctx, AdmittedRequest admitted, AuthRequest request, Committed<AuthOutcome> committed) {
        PartnerId partner = admitted.partner().id();
        if (!(committed instanceof Committed.Answer<AuthOutcome> decided)) {
            return fail(ctx, unrecorded(partner, request.transactionId(), committed));
        }
        AuthOutcome outcome = decided.answer();
        auth.metrics().decided(request.kind(), outcome.authenticated(), firstCode(outcome.failures()));
        String answer = request.kind() == RequestKind.KYC
                ? auth.answers()
                        .kyc(
                                partner,
                                request.transactionId(),
                                outcome,
                                admitted.partner().encryptionKey())
                : auth.answers().authentication(partner, request.transactionId(), outcome);
        return send(ctx, outcome.httpStatus(), answer);
    }

    /** {@code /v1/otp}: a code sent, answered once recorded. */
    private void sendOtp(RoutingContext ctx) {
        AdmittedRequest admitted = ctx.get(ADMITTED);
        OtpRequest request = (OtpRequest) admitted.request();
        PartnerId partner = admitted.partner().id();
        auth.otps()
                .sendForPartner(admitted.partner(), request.transactionId(), request.individualId(), request.channels())
                .map(committed -> {
                    if (!(committed instanceof Committed.Answer<OtpAnswer> sent)) {
                        return fail(ctx, unrecorded(partner, request.transactionId(), committed));
                    }
                    OtpAnswer answer = sent.answer();
                    auth.metrics().decided(RequestKind.OTP, answer.failures().isEmpty(), firstCode(answer.failures()));
                    return send(ctx, answer.httpStatus(), auth.answers().otp(partner, request.transactionId(), answer));
                })
                .onFailure(ctx::fail);
    }

    private static Optional<AuthError> firstCode(List<AuthFailure> failures) {
        return failures.stream().findFirst().map(AuthFailure::code);
    }

    private static PartnerRefusal unrecorded(PartnerId partner, TransactionId transactionId, Committed<?> committed) {
        return new PartnerRefusal(
                Optional.of(partner),
                Optional.of(transactionId),
                List.of(((Committed.Unrecorded<?>) committed).failure()));
    }

    private static Void fail(RoutingContext ctx, PartnerRefusal refusal) {
        ctx.put(REFUSAL, refusal);
        ctx.fail(refusal.httpStatus());
        return null;
    }

    /** The one failure path: a refusal is signed and answered; anything else goes on to the server's error handler. */
    private void refuse(RoutingContext ctx) {
        PartnerRefusal refusal = ctx.get(REFUSAL);
        if (refusal == null) {
            ctx.next();
            return;
        }
        auth.metrics().refused(ctx.get(KIND), refusal.failures().get(0).code());
        send(
                ctx,
                refusal.httpStatus(),
                auth.answers().refusal(refusal.partner(), refusal.transactionId(), refusal.failures()));
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
