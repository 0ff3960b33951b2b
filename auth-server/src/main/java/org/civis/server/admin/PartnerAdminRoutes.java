package org.civis.server.admin;

import com.nimbusds.jose.jwk.JWK;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.civis.auth.keys.PartnerKeys;
import org.civis.auth.partner.Partner;
import org.civis.auth.partner.PartnerError;
import org.civis.auth.partner.PartnerId;
import org.civis.auth.partner.PartnerPolicy;
import org.civis.auth.partner.PartnerService;
import org.civis.auth.partner.PartnerStatus;
import org.civis.core.refusal.Refusal;
import org.civis.core.refusal.Result;
import org.civis.server.http.ApiError;
import org.civis.server.http.ErrorResponses;
import org.civis.server.http.JsonBody;
import org.civis.server.http.Replies;

/**
 * Registering relying parties and changing them: policy, suspension, API key and signing-key
 * rotation. The API key is in the answer to registration and rotation only.
 */
final class PartnerAdminRoutes {
    private final PartnerService partners;

    PartnerAdminRoutes(PartnerService partners) {
        this.partners = partners;
    }

    void mount(Router router) {
        router.post("/v1/partners").handler(this::register);
        router.get("/v1/partners/:partnerId")
                .handler(ctx -> Replies.json(
                        ctx,
                        id(ctx).then(id -> partners.find(id).map(found -> found.map(Result::accepted)
                                .orElseGet(() ->
                                        Result.refused(PartnerError.PARTNER_NOT_FOUND, "no partner has this id")))),
                        Partner::toPublicJson));
        router.put("/v1/partners/:partnerId/policy")
                .handler(ctx -> Replies.json(
                        ctx,
                        member(ctx, "policy").then(json -> id(ctx).then(id ->
                                policy(json).then(policy -> partners.setPolicy(id, policy, RequestIds.actor(ctx))))),
                        Partner::toPublicJson));
        router.post("/v1/partners/:partnerId/suspend")
                .handler(ctx -> Replies.json(
                        ctx,
                        withOperator(ctx, (id, operator) -> partners.setStatus(id, PartnerStatus.SUSPENDED, operator)),
                        Partner::toPublicJson));
        router.post("/v1/partners/:partnerId/activate")
                .handler(ctx -> Replies.json(
                        ctx,
                        withOperator(ctx, (id, operator) -> partners.setStatus(id, PartnerStatus.ACTIVE, operator)),
                        Partner::toPublicJson));
        router.post("/v1/partners/:partnerId/api-key")
                .handler(ctx -> Replies.json(
                        ctx, withOperator(ctx, partners::rotateApiKey), key -> new JsonObject().put("apiKey", key)));
        router.post("/v1/partners/:partnerId/signing-keys")
                .handler(ctx -> Replies.json(
                        ctx,
                        member(ctx, "jwk").then(jwk -> id(ctx).then(id ->
                                signingKey(jwk).then(key -> partners.addSigningKey(id, key, RequestIds.actor(ctx))))),
                        Partner::toPublicJson));
        router.delete("/v1/partners/:partnerId/signing-keys/:kid")
                .handler(ctx -> Replies.json(
                        ctx,
                        withOperator(
                                ctx, (id, operator) -> partners.removeSigningKey(id, ctx.pathParam("kid"), operator)),
                        Partner::toPublicJson));
    }

    /** The path's partner id checked, then {@code call} on behalf of the authenticated operator. */
    private static <T> Future<Result<T>> withOperator(
            RoutingContext ctx, BiFunction<PartnerId, String, Future<Result<T>>> call) {
        return id(ctx).then(id -> call.apply(id, RequestIds.actor(ctx)));
    }

    /** Body: {"partnerId", "name", "signingKeys": [JWK...], "encryptionKey": JWK, "policy": {...}}. */
    private void register(RoutingContext ctx) {
        Future<Result<PartnerService.Registration>> registered = JsonBody.of(ctx)
                .then(body -> {
                    body.allowOnly("partnerId", "name", "signingKeys", "encryptionKey", "policy");
                    Optional<String> id = body.string("partnerId", true);
                    Optional<String> name = body.string("name", true);
                    Optional<JsonObject> policy = body.object("policy", true);
                    Optional<JsonObject> encryption = body.object("encryptionKey", false);
                    // Checked in this order: the body, its keys, the partner id, the policy.
                    return body.json()
                            .flatMap(json -> signingKeys(json.getValue("signingKeys")))
                            .then(signing -> encryptionKey(encryption)
                                    .then(encryptionKey -> partnerId(id.get()).then(partnerId -> policy(policy.get())
                                            .then(checked -> partners.register(
                                                    partnerId,
                                                    name.get(),
                                                    signing,
                                                    encryptionKey,
                                                    checked,
                                                    RequestIds.actor(ctx))))));
                });
        Replies.json(ctx, registered, registration -> {
            ctx.response().setStatusCode(201);
            return registration.partner().toPublicJson().put("apiKey", registration.apiKey());
        });
    }

    private static Result<List<JWK>> signingKeys(Object keys) {
        if (!(keys instanceof JsonArray array) || array.isEmpty()) {
            return Result.refused(ApiError.PARTNER_KEY_INVALID, "signingKeys must be a non-empty array of JWKs");
        }
        List<JWK> signing = new ArrayList<>();
        for (Object key : array) {
            if (!(key instanceof JsonObject jwk)) {
                return Result.refused(ApiError.PARTNER_KEY_INVALID, "signingKeys must be a non-empty array of JWKs");
            }
            Result<JWK> parsed = signingKey(jwk);
            if (parsed instanceof Result.Refused<JWK> refused) {
                return refused.retype();
            }
            signing.add(parsed.orElseThrow());
        }
        return Result.accepted(signing);
    }

    private static Result<Optional<JWK>> encryptionKey(Optional<JsonObject> jwk) {
        return jwk.isEmpty()
                ? Result.accepted(Optional.empty())
                : keyInvalid(
                                "encryption",
                                PartnerKeys.parseEncryptionKey(jwk.get().encode()))
                        .map(Optional::of);
    }

    /** The one object member a body must consist of. */
    private static Result<JsonObject> member(RoutingContext ctx, String name) {
        return JsonBody.of(ctx).flatMap(body -> {
            body.allowOnly(name);
            Optional<JsonObject> value = body.object(name, true);
            return body.parsed(value::orElseThrow);
        });
    }

    private static Result<PartnerId> id(RoutingContext ctx) {
        return partnerId(ctx.pathParam("partnerId"));
    }

    private static Result<PartnerId> partnerId(String value) {
        try {
            return Result.accepted(new PartnerId(value));
        } catch (IllegalArgumentException e) {
            return ErrorResponses.refused(ApiError.PARTNER_ID_INVALID);
        }
    }

    /** The body's {@code policy}, or PARTNER_POLICY_INVALID with every violation under /policy. */
    private static Result<PartnerPolicy> policy(JsonObject json) {
        PartnerPolicy.Reading reading = PartnerPolicy.read(json, "/policy");
        return reading.policy()
                .map(Result::accepted)
                .orElseGet(() -> Result.refused(new Refusal(
                        ApiError.PARTNER_POLICY_INVALID,
                        ApiError.PARTNER_POLICY_INVALID.message(),
                        reading.violations())));
    }

    private static Result<JWK> signingKey(JsonObject jwk) {
        return keyInvalid("signing", PartnerKeys.parseSigningKey(jwk.encode()));
    }

    /** A refused key as the admin API reports it: PARTNER_KEY_INVALID naming the reason. */
    private static Result<JWK> keyInvalid(String use, Result<JWK> parsed) {
        return parsed instanceof Result.Refused<JWK> refused
                ? Result.refused(
                        ApiError.PARTNER_KEY_INVALID,
                        use + " key: " + refused.refusal().code().name())
                : parsed;
    }
}
