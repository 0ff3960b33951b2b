package org.civis.server.admin;

import com.nimbusds.jose.jwk.JWK;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.civis.auth.keys.PartnerKeys;
import org.civis.auth.partner.PartnerError;
import org.civis.auth.partner.PartnerException;
import org.civis.auth.partner.PartnerId;
import org.civis.auth.partner.PartnerPolicy;
import org.civis.auth.partner.PartnerService;
import org.civis.auth.partner.PartnerStatus;
import org.civis.server.http.ApiError;
import org.civis.server.http.ApiException;
import org.civis.server.http.JsonBody;

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
                .handler(ctx -> AdminApi.reply(ctx, partners.find(id(ctx)).map(found -> found.orElseThrow(
                                () -> new PartnerException(PartnerError.PARTNER_NOT_FOUND, "no partner has this id"))
                        .toPublicJson())));
        router.put("/v1/partners/:partnerId/policy").handler(ctx -> {
            JsonObject policy = member(ctx, "policy");
            AdminApi.reply(
                    ctx,
                    partners.setPolicy(id(ctx), policy(policy), RequestIds.operator(ctx))
                            .map(p -> p.toPublicJson()));
        });
        router.post("/v1/partners/:partnerId/suspend")
                .handler(ctx -> AdminApi.reply(
                        ctx,
                        partners.setStatus(id(ctx), PartnerStatus.SUSPENDED, RequestIds.operator(ctx))
                                .map(p -> p.toPublicJson())));
        router.post("/v1/partners/:partnerId/activate")
                .handler(ctx -> AdminApi.reply(
                        ctx,
                        partners.setStatus(id(ctx), PartnerStatus.ACTIVE, RequestIds.operator(ctx))
                                .map(p -> p.toPublicJson())));
        router.post("/v1/partners/:partnerId/api-key")
                .handler(ctx -> AdminApi.reply(
                        ctx,
                        partners.rotateApiKey(id(ctx), RequestIds.operator(ctx))
                                .map(key -> new JsonObject().put("apiKey", key))));
        router.post("/v1/partners/:partnerId/signing-keys").handler(ctx -> {
            JsonObject jwk = member(ctx, "jwk");
            AdminApi.reply(
                    ctx,
                    partners.addSigningKey(id(ctx), signingKey(jwk), RequestIds.operator(ctx))
                            .map(p -> p.toPublicJson()));
        });
        router.delete("/v1/partners/:partnerId/signing-keys/:kid")
                .handler(ctx -> AdminApi.reply(
                        ctx,
                        partners.removeSigningKey(id(ctx), ctx.pathParam("kid"), RequestIds.operator(ctx))
                                .map(p -> p.toPublicJson())));
    }

    /** Body: {"partnerId", "name", "signingKeys": [JWK...], "encryptionKey": JWK, "policy": {...}}. */
    private void register(RoutingContext ctx) {
        JsonBody body = JsonBody.of(ctx).allowOnly("partnerId", "name", "signingKeys", "encryptionKey", "policy");
        Optional<String> id = body.string("partnerId", true);
        Optional<String> name = body.string("name", true);
        Optional<JsonObject> policy = body.object("policy", true);
        Optional<JsonObject> encryption = body.object("encryptionKey", false);
        body.requireValid();
        Object keys = body.json().getValue("signingKeys");
        if (!(keys instanceof JsonArray array) || array.isEmpty()) {
            throw new ApiException(
                    ApiError.PARTNER_KEY_INVALID, "signingKeys must be a non-empty array of JWKs", List.of());
        }
        List<JWK> signing = new ArrayList<>();
        for (Object key : array) {
            if (!(key instanceof JsonObject jwk)) {
                throw new ApiException(
                        ApiError.PARTNER_KEY_INVALID, "signingKeys must be a non-empty array of JWKs", List.of());
            }
            signing.add(signingKey(jwk));
        }
        Optional<JWK> encryptionKey = encryption.map(PartnerAdminRoutes::encryptionKey);
        AdminApi.reply(
                ctx,
                partners.register(
                                partnerId(id.get()),
                                name.get(),
                                signing,
                                encryptionKey,
                                policy(policy.get()),
                                RequestIds.operator(ctx))
                        .map(registered -> {
                            ctx.response().setStatusCode(201);
                            return registered.partner().toPublicJson().put("apiKey", registered.apiKey());
                        }));
    }

    /** The one object member a body must consist of. */
    private static JsonObject member(RoutingContext ctx, String name) {
        JsonBody body = JsonBody.of(ctx).allowOnly(name);
        Optional<JsonObject> value = body.object(name, true);
        body.requireValid();
        return value.orElseThrow();
    }

    private static PartnerId id(RoutingContext ctx) {
        return partnerId(ctx.pathParam("partnerId"));
    }

    private static PartnerId partnerId(String value) {
        try {
            return new PartnerId(value);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiError.PARTNER_ID_INVALID);
        }
    }

    /** The body's {@code policy}, or PARTNER_POLICY_INVALID with every violation under /policy. */
    private static PartnerPolicy policy(JsonObject json) {
        PartnerPolicy.Reading reading = PartnerPolicy.read(json, "/policy");
        return reading.policy()
                .orElseThrow(() -> new ApiException(
                        ApiError.PARTNER_POLICY_INVALID,
                        ApiError.PARTNER_POLICY_INVALID.message(),
                        reading.violations()));
    }

    private static JWK signingKey(JsonObject jwk) {
        return PartnerKeys.parseSigningKey(jwk.encode())
                .orElseThrow(refused ->
                        new ApiException(ApiError.PARTNER_KEY_INVALID, "signing key: " + refused.reason(), List.of()));
    }

    private static JWK encryptionKey(JsonObject jwk) {
        return PartnerKeys.parseEncryptionKey(jwk.encode())
                .orElseThrow(refused -> new ApiException(
                        ApiError.PARTNER_KEY_INVALID, "encryption key: " + refused.reason(), List.of()));
    }
}
