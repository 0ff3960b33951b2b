package org.civis.server.resident;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.civis.auth.otp.OtpRequests.OtpAnswer;
import org.civis.auth.partner.PartnerId;
import org.civis.auth.refusal.AuthError;
import org.civis.auth.refusal.AuthFailure;
import org.civis.auth.request.RequestFields;
import org.civis.auth.request.RequestParser;
import org.civis.auth.resident.ResidentLogin;
import org.civis.auth.transaction.Committed;
import org.civis.auth.transaction.TransactionId;
import org.civis.core.id.Uin;
import org.civis.core.id.Vid;
import org.civis.core.refusal.Refusal;
import org.civis.core.refusal.RegistryError;
import org.civis.core.refusal.Result;
import org.civis.oidc.consent.Consents;
import org.civis.server.http.ErrorResponses;
import org.civis.server.http.JsonBody;
import org.civis.server.http.Replies;
import org.civis.server.registry.LockChangeBody;
import org.civis.server.registry.RegistryJson;
import org.civis.server.registry.VidRequestBody;

/**
 * The resident API. Sign-in: {@code POST /v1/resident/otp} sends a code to the enrolled contacts,
 * {@code POST /v1/resident/session} exchanges it for a session token. With
 * {@code Authorization: Bearer <session token>}: locks, VIDs, the authentication history and the
 * remembered OpenID Connect consents of the signed-in resident, and nobody else's.
 */
public final class ResidentRoutes {
    private static final String RESIDENT_UIN = "residentUin";
    private static final int HISTORY_LIMIT = 100;

    private final ResidentComponents resident;
    private final Clock clock;

    public ResidentRoutes(ResidentComponents resident, Clock clock) {
        this.resident = resident;
        this.clock = clock;
    }

    public void mount(Router router) {
        router.post("/v1/resident/otp").handler(this::sendOtp);
        router.post("/v1/resident/session").handler(this::signIn);
        router.route("/v1/resident/me/*").handler(this::requireSession);
        router.get("/v1/resident/me/locks")
                .handler(ctx -> Replies.json(
                        ctx, resident.locks().locks(uin(ctx)), s -> RegistryJson.locks(uin(ctx), s, clock.instant())));
        router.post("/v1/resident/me/locks")
                .handler(ctx -> Replies.json(
                        ctx,
                        JsonBody.of(ctx)
                                .flatMap(LockChangeBody::read)
                                .then(change -> change.apply(resident.locks(), uin(ctx), ResidentLogin.REQUESTER)),
                        s -> RegistryJson.locks(uin(ctx), s, clock.instant())));
        router.get("/v1/resident/me/vids")
                .handler(ctx -> Replies.json(ctx, resident.vids().list(uin(ctx)), all -> new JsonObject()
                        .put(
                                "vids",
                                new JsonArray(all.stream()
                                        .map(v -> RegistryJson.vid(v, clock.instant()))
                                        .toList()))));
        router.post("/v1/resident/me/vids")
                .handler(ctx -> Replies.json(
                        ctx,
                        JsonBody.of(ctx).flatMap(VidRequestBody::read).then(request -> resident.vids()
                                .create(uin(ctx), request, ResidentLogin.REQUESTER)),
                        v -> RegistryJson.vid(v, clock.instant())));
        router.post("/v1/resident/me/vids/:vid/revoke").handler(this::revokeVid);
        router.get("/v1/resident/me/history")
                .handler(ctx -> reply(
                        ctx, resident.history().of(uin(ctx), HISTORY_LIMIT).map(entries -> new JsonObject()
                                .put("transactions", entries))));
        router.get("/v1/resident/me/consents")
                .handler(ctx -> reply(ctx, resident.consents().list(uin(ctx)).map(ResidentRoutes::consents)));
        router.delete("/v1/resident/me/consents/:partnerId").handler(this::revokeConsent);
    }

    /** The relying parties the resident let receive claims without asking again, and what and until when. */
    private static JsonObject consents(List<Consents.Consent> consents) {
        return new JsonObject()
                .put(
                        "consents",
                        new JsonArray(consents.stream()
                                .map(c -> new JsonObject()
                                        .put("partnerId", c.client().value())
                                        .put(
                                                "claims",
                                                new JsonArray(new TreeSet<>(c.claims())
                                                        .stream().toList()))
                                        .put("grantedAt", c.grantedAt().toString())
                                        .put("expiresAt", c.expiresAt().toString()))
                                .toList()));
    }

    /**
     * Idempotent: {@code revoked} says whether there was a consent to forget. A malformed partner
     * id cannot have one, so it is answered the same way as an unknown one.
     */
    private void revokeConsent(RoutingContext ctx) {
        String partnerId = ctx.pathParam("partnerId");
        Future<Boolean> revoked;
        try {
            revoked = resident.consents().revoke(uin(ctx), new PartnerId(partnerId));
        } catch (IllegalArgumentException e) {
            revoked = Future.succeededFuture(false);
        }
        reply(ctx, revoked.map(done -> new JsonObject().put("revoked", done)));
    }

    /** Body: {"individualId", "individualIdType": "UIN" or "VID", "transactionId", "channels": ["PHONE", "EMAIL"]}. */
    private void sendOtp(RoutingContext ctx) {
        Replies.answer(
                ctx,
                JsonBody.of(ctx)
                        .flatMap(body -> body.allowOnly("individualId", "individualIdType", "transactionId", "channels")
                                .json()),
                body -> sendOtp(ctx, body));
    }

    private void sendOtp(RoutingContext ctx, JsonObject body) {
        Optional<TransactionId> transaction = transactionId(ctx, body);
        if (transaction.isEmpty()) {
            return;
        }
        resident.otpBudget()
                .take(resident.clientAddress().of(ctx.request()))
                .compose(allowed -> allowed
                        ? resident.otps()
                                .sendForResident(
                                        transaction.get(),
                                        RequestParser.individualId(body),
                                        RequestParser.channels(body))
                        : Future.succeededFuture(
                                new Committed.Unrecorded<OtpAnswer>(AuthFailure.of(AuthError.OTP_RATE_LIMITED))))
                .onSuccess(committed -> {
                    if (committed instanceof Committed.Answer<OtpAnswer> sent
                            && sent.answer().failures().isEmpty()) {
                        ctx.json(new JsonObject()
                                .put("transactionId", transaction.get().value())
                                .put(
                                        "maskedContacts",
                                        new JsonArray(sent.answer().maskedContacts())));
                    } else {
                        fail(
                                ctx,
                                committed instanceof Committed.Answer<OtpAnswer> refused
                                        ? refused.answer().failures()
                                        : List.of(((Committed.Unrecorded<OtpAnswer>) committed).failure()));
                    }
                })
                .onFailure(ctx::fail);
    }

    /** Body: {"individualId", "individualIdType", "transactionId", "otp"}. */
    private void signIn(RoutingContext ctx) {
        Replies.answer(
                ctx,
                JsonBody.of(ctx)
                        .flatMap(body -> body.allowOnly("individualId", "individualIdType", "transactionId", "otp")
                                .json()),
                body -> signIn(ctx, body));
    }

    private void signIn(RoutingContext ctx, JsonObject body) {
        Optional<TransactionId> transaction = transactionId(ctx, body);
        if (transaction.isEmpty()) {
            return;
        }
        resident.login()
                .login(transaction.get(), body)
                .onSuccess(login -> {
                    if (login.sessionToken().isPresent()) {
                        ctx.json(new JsonObject()
                                .put("sessionToken", login.sessionToken().get())
                                .put(
                                        "expiresInSeconds",
                                        resident.sessions().lifetime().toSeconds()));
                    } else {
                        fail(ctx, login.failures());
                    }
                })
                .onFailure(ctx::fail);
    }

    private void requireSession(RoutingContext ctx) {
        String token =
                RequestFields.bearer(ctx.request().getHeader("authorization")).orElse(null);
        resident.sessions()
                .find(token)
                .onSuccess(uin -> {
                    if (uin.isEmpty()) {
                        fail(ctx, List.of(AuthFailure.of(AuthError.RESIDENT_SESSION_INVALID)));
                    } else {
                        ctx.put(RESIDENT_UIN, uin.get());
                        ctx.next();
                    }
                })
                .onFailure(ctx::fail);
    }

    private void revokeVid(RoutingContext ctx) {
        Vid vid;
        try {
            vid = new Vid(ctx.pathParam("vid"));
        } catch (IllegalArgumentException e) {
            ErrorResponses.refuse(ctx, new Refusal(RegistryError.VID_NOT_FOUND, "no such VID"));
            return;
        }
        // Someone else's VID is answered exactly like an unknown one.
        Replies.json(
                ctx,
                resident.vids()
                        .find(vid)
                        .compose(stored -> stored.then(found -> found.uin().equals(uin(ctx))
                                ? resident.vids().revoke(vid, ResidentLogin.REQUESTER)
                                : Result.refuseNow(RegistryError.VID_NOT_FOUND, "no such VID"))),
                v -> RegistryJson.vid(v, clock.instant()));
    }

    private static Uin uin(RoutingContext ctx) {
        return ctx.get(RESIDENT_UIN);
    }

    private static Optional<TransactionId> transactionId(RoutingContext ctx, JsonObject body) {
        Optional<TransactionId> id = RequestFields.transactionId(body.getValue("transactionId"));
        if (id.isEmpty()) {
            fail(ctx, List.of(AuthFailure.of(AuthError.REQUEST_INVALID, "transactionId")));
        }
        return id;
    }

    private static void reply(RoutingContext ctx, Future<JsonObject> result) {
        result.onSuccess(ctx::json).onFailure(ctx::fail);
    }

    private static void fail(RoutingContext ctx, List<AuthFailure> failures) {
        AuthFailure first = failures.get(0);
        ctx.response()
                .setStatusCode(first.code().status() == 200 ? 401 : first.code().status())
                .putHeader("content-type", "application/json")
                .end(new JsonObject().put("error", first.toJson()).encode());
    }
}
