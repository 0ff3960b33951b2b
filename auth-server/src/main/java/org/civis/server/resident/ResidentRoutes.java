package org.civis.server.resident;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.civis.auth.AuthError;
import org.civis.auth.AuthFailure;
import org.civis.auth.AuthRefusal;
import org.civis.auth.RequestFields;
import org.civis.auth.resident.ResidentLogin;
import org.civis.core.RegistryError;
import org.civis.core.RegistryException;
import org.civis.core.id.Uin;
import org.civis.core.id.Vid;
import org.civis.server.http.JsonBody;
import org.civis.server.registry.LockChangeBody;
import org.civis.server.registry.RegistryJson;
import org.civis.server.registry.VidRequestBody;

/**
 * The resident API. Sign-in: {@code POST /v1/resident/otp} sends a code to the enrolled contacts,
 * {@code POST /v1/resident/session} exchanges it for a session token. With
 * {@code Authorization: Bearer <session token>}: locks, VIDs and the authentication history of
 * the signed-in resident, and nobody else's.
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
                .handler(ctx -> reply(
                        ctx,
                        resident.locks().locks(uin(ctx)).map(s -> RegistryJson.locks(uin(ctx), s, clock.instant()))));
        router.post("/v1/resident/me/locks")
                .handler(ctx -> reply(
                        ctx,
                        LockChangeBody.read(JsonBody.of(ctx))
                                .apply(resident.locks(), uin(ctx), ResidentLogin.REQUESTER)
                                .map(s -> RegistryJson.locks(uin(ctx), s, clock.instant()))));
        router.get("/v1/resident/me/vids")
                .handler(ctx -> reply(ctx, resident.vids().list(uin(ctx)).map(all -> new JsonObject()
                        .put(
                                "vids",
                                new JsonArray(all.stream()
                                        .map(v -> RegistryJson.vid(v, clock.instant()))
                                        .toList())))));
        router.post("/v1/resident/me/vids")
                .handler(ctx -> reply(
                        ctx,
                        resident.vids()
                                .create(uin(ctx), VidRequestBody.read(JsonBody.of(ctx)), ResidentLogin.REQUESTER)
                                .map(v -> RegistryJson.vid(v, clock.instant()))));
        router.post("/v1/resident/me/vids/:vid/revoke").handler(this::revokeVid);
        router.get("/v1/resident/me/history")
                .handler(ctx -> reply(
                        ctx, resident.history().of(uin(ctx), HISTORY_LIMIT).map(entries -> new JsonObject()
                                .put("transactions", entries))));
    }

    /** Body: {"individualId", "individualIdType": "UIN" or "VID", "transactionId", "channels": ["PHONE", "EMAIL"]}. */
    private void sendOtp(RoutingContext ctx) {
        JsonObject body = JsonBody.of(ctx)
                .allowOnly("individualId", "individualIdType", "transactionId", "channels")
                .json();
        Optional<String> transaction = transactionId(ctx, body);
        if (transaction.isEmpty()) {
            return;
        }
        resident.otpBudget()
                .take(resident.clientAddress().of(ctx.request()))
                .compose(allowed -> allowed
                        ? resident.otps().send(ResidentLogin.REQUESTER, transaction.get(), body, false)
                        : Future.failedFuture(new AuthRefusal(AuthError.OTP_RATE_LIMITED)))
                .onSuccess(answer -> {
                    if (answer.failures().isEmpty()) {
                        ctx.json(new JsonObject()
                                .put("transactionId", transaction.get())
                                .put("maskedContacts", new JsonArray(answer.maskedContacts())));
                    } else {
                        fail(ctx, answer.failures());
                    }
                })
                .onFailure(e -> refuse(ctx, e));
    }

    /** Body: {"individualId", "individualIdType", "transactionId", "otp"}. */
    private void signIn(RoutingContext ctx) {
        JsonObject body = JsonBody.of(ctx)
                .allowOnly("individualId", "individualIdType", "transactionId", "otp")
                .json();
        Optional<String> transaction = transactionId(ctx, body);
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
            ctx.fail(new RegistryException(RegistryError.VID_NOT_FOUND, "no such VID"));
            return;
        }
        // Someone else's VID is answered exactly like an unknown one.
        reply(
                ctx,
                resident.vids()
                        .find(vid)
                        .compose(found -> found.uin().equals(uin(ctx))
                                ? resident.vids()
                                        .revoke(vid, ResidentLogin.REQUESTER)
                                        .map(v -> RegistryJson.vid(v, clock.instant()))
                                : Future.failedFuture(
                                        new RegistryException(RegistryError.VID_NOT_FOUND, "no such VID"))));
    }

    private static Uin uin(RoutingContext ctx) {
        return ctx.get(RESIDENT_UIN);
    }

    private static Optional<String> transactionId(RoutingContext ctx, JsonObject body) {
        Optional<String> id = RequestFields.transactionId(body.getValue("transactionId"));
        if (id.isEmpty()) {
            fail(ctx, List.of(AuthFailure.of(AuthError.REQUEST_INVALID, "transactionId")));
        }
        return id;
    }

    private static void reply(RoutingContext ctx, Future<JsonObject> result) {
        result.onSuccess(ctx::json).onFailure(ctx::fail);
    }

    /** A refusal carried as a failure (a spent budget, a record not written) is answered; anything else fails. */
    private static void refuse(RoutingContext ctx, Throwable e) {
        if (e instanceof AuthRefusal refusal) {
            fail(ctx, refusal.failures());
        } else {
            ctx.fail(e);
        }
    }

    private static void fail(RoutingContext ctx, List<AuthFailure> failures) {
        AuthFailure first = failures.get(0);
        ctx.response()
                .setStatusCode(first.code().status() == 200 ? 401 : first.code().status())
                .putHeader("content-type", "application/json")
                .end(new JsonObject().put("error", first.toJson()).encode());
    }
}
