package org.civis.server.partnerapi;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.civis.auth.otp.OtpRequests.OtpAnswer;
import org.civis.auth.refusal.AuthError;
import org.civis.auth.refusal.AuthFailure;
import org.civis.auth.request.RequestFields;
import org.civis.auth.request.RequestParser;
import org.civis.auth.resident.ResidentLogin;
import org.civis.auth.transaction.Committed;
import org.civis.auth.transaction.TransactionId;
import org.civis.core.RegistryError;
import org.civis.core.RegistryException;
import org.civis.core.id.Uin;
import org.civis.core.id.Vid;
import org.civis.server.http.JsonBody;
import org.civis.server.http.LockChange;
import org.civis.server.http.RegistryJson;
import org.civis.server.http.VidRequestBody;

/**
 * The resident API. Sign-in: {@code POST /v1/resident/otp} sends a code to the enrolled contacts,
 * {@code POST /v1/resident/session} exchanges it for a session token. With
 * {@code Authorization: Bearer <session token>}: locks, VIDs and the authentication history of
 * the signed-in resident, and nobody else's.
 */
final class ResidentRoutes {
    private static final String RESIDENT_UIN = "residentUin";
    private static final int HISTORY_LIMIT = 100;

    private final AuthComponents auth;
    private final Clock clock;

    ResidentRoutes(AuthComponents auth, Clock clock) {
        this.auth = auth;
        this.clock = clock;
    }

    void mount(Router router) {
        router.post("/v1/resident/otp").handler(this::sendOtp);
        router.post("/v1/resident/session").handler(this::signIn);
        router.route("/v1/resident/me/*").handler(this::requireSession);
        router.get("/v1/resident/me/locks")
                .handler(ctx -> reply(
                        ctx,
                        auth.registry()
                                .locks()
                                .locks(uin(ctx))
                                .map(s -> RegistryJson.locks(uin(ctx), s, clock.instant()))));
        router.post("/v1/resident/me/locks")
                .handler(ctx -> reply(
                        ctx,
                        LockChange.read(JsonBody.of(ctx))
                                .apply(auth.registry().locks(), uin(ctx), ResidentLogin.REQUESTER)
                                .map(s -> RegistryJson.locks(uin(ctx), s, clock.instant()))));
        router.get("/v1/resident/me/vids")
                .handler(ctx -> reply(ctx, auth.registry().vids().list(uin(ctx)).map(all -> new JsonObject()
                        .put(
                                "vids",
                                new JsonArray(all.stream()
                                        .map(v -> RegistryJson.vid(v, clock.instant()))
                                        .toList())))));
        router.post("/v1/resident/me/vids")
                .handler(ctx -> reply(
                        ctx,
                        auth.registry()
                                .vids()
                                .create(uin(ctx), VidRequestBody.read(JsonBody.of(ctx)), ResidentLogin.REQUESTER)
                                .map(v -> RegistryJson.vid(v, clock.instant()))));
        router.post("/v1/resident/me/vids/:vid/revoke").handler(this::revokeVid);
        router.get("/v1/resident/me/history")
                .handler(ctx ->
                        reply(ctx, auth.history().of(uin(ctx), HISTORY_LIMIT).map(entries -> new JsonObject()
                                .put("transactions", entries))));
    }

    /** Body: {"individualId", "individualIdType": "UIN" or "VID", "transactionId", "channels": ["PHONE", "EMAIL"]}. */
    private void sendOtp(RoutingContext ctx) {
        JsonObject body = JsonBody.of(ctx)
                .allowOnly("individualId", "individualIdType", "transactionId", "channels")
                .json();
        Optional<TransactionId> transaction = transactionId(ctx, body);
        if (transaction.isEmpty()) {
            return;
        }
        auth.residentOtpBudget()
                .take(auth.clientAddress().of(ctx.request()))
                .compose(allowed -> allowed
                        ? auth.otps()
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
        JsonObject body = JsonBody.of(ctx)
                .allowOnly("individualId", "individualIdType", "transactionId", "otp")
                .json();
        Optional<TransactionId> transaction = transactionId(ctx, body);
        if (transaction.isEmpty()) {
            return;
        }
        auth.residentLogin()
                .login(transaction.get(), body)
                .onSuccess(login -> {
                    if (login.sessionToken().isPresent()) {
                        ctx.json(new JsonObject()
                                .put("sessionToken", login.sessionToken().get())
                                .put(
                                        "expiresInSeconds",
                                        auth.residentSessions().lifetime().toSeconds()));
                    } else {
                        fail(ctx, login.failures());
                    }
                })
                .onFailure(ctx::fail);
    }

    private void requireSession(RoutingContext ctx) {
        String token =
                RequestFields.bearer(ctx.request().getHeader("authorization")).orElse(null);
        auth.residentSessions()
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
            ctx.fail(new RegistryException(RegistryError.VID_NOT_FOUND, "no such VID"));
            return;
        }
        // Someone else's VID is answered exactly like an unknown one.
        reply(
                ctx,
                auth.registry()
                        .vids()
                        .find(vid)
                        .compose(found -> found.uin().equals(uin(ctx))
                                ? auth.registry()
                                        .vids()
                                        .revoke(vid, ResidentLogin.REQUESTER)
                                        .map(v -> RegistryJson.vid(v, clock.instant()))
                                : Future.failedFuture(
                                        new RegistryException(RegistryError.VID_NOT_FOUND, "no such VID"))));
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
