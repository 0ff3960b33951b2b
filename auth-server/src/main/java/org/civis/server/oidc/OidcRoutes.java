package org.civis.server.oidc;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civis.core.refusal.Refusal;
import org.civis.core.refusal.Result;
import org.civis.oidc.OAuthError;
import org.civis.oidc.client.OidcClient;
import org.civis.oidc.flow.AuthorizationRequests;
import org.civis.oidc.token.AccessTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider's protocol endpoints: JWKS, PAR (RFC 9126), token (authorization code grant,
 * private_key_jwt), userinfo. Errors are {@code {"error", "error_description"}} with the wire
 * code of {@link OAuthError}; a refused bearer gets {@code WWW-Authenticate} (RFC 6750 3).
 * Bodies are already bounded by the router's {@code RequestBodies}.
 */
public final class OidcRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(OidcRoutes.class);
    public static final String JWKS = "/oidc/jwks";
    public static final String PAR = "/oidc/par";
    public static final String TOKEN = "/oidc/token";
    public static final String USERINFO = "/oidc/userinfo";
    private static final int MAX_FORM_PARAMETERS = 32;

    private final OidcComponents oidc;

    public OidcRoutes(OidcComponents oidc) {
        this.oidc = oidc;
    }

    public void mount(Router router) {
        router.get(JWKS).handler(this::jwks);
        router.post(PAR).handler(this::par);
        router.post(TOKEN).handler(this::token);
        router.get(USERINFO).handler(this::userinfo);
        router.post(USERINFO).handler(this::userinfo);
    }

    private void jwks(RoutingContext ctx) {
        ctx.response()
                .putHeader("Content-Type", "application/jwk-set+json")
                .putHeader("Cache-Control", "max-age=300")
                .end(oidc.keys().jwksJson());
    }

    private void par(RoutingContext ctx) {
        Optional<Map<String, List<String>>> read = form(ctx);
        if (read.isEmpty()) {
            error(ctx, OAuthError.INVALID_REQUEST, "the body must be a form");
            return;
        }
        Map<String, List<String>> form = read.get();
        oidc.assertions()
                .verify(form, oidc.endpoint(PAR), oidc.clients()::find)
                .compose(client -> client.then(c -> push(c, form)))
                .onSuccess(pushed -> answer(ctx, pushed, 201))
                .onFailure(ctx::fail);
    }

    private Future<Result<JsonObject>> push(OidcClient client, Map<String, List<String>> posted) {
        Map<String, List<String>> form = new HashMap<>(posted);
        form.remove("client_assertion");
        form.remove("client_assertion_type");
        form.putIfAbsent("client_id", List.of(client.id().value()));
        AuthorizationRequests.Checked checked = oidc.requests().check(form, Optional.of(client), true);
        if (checked instanceof AuthorizationRequests.Checked.Refused refused) {
            return Result.refuseNow(refused.error(), refused.description());
        }
        return oidc.pushed()
                .push(client.id(), form)
                .map(uri -> Result.accepted(new JsonObject()
                        .put("request_uri", uri)
                        .put("expires_in", oidc.pushed().lifetime().toSeconds())));
    }

    private void token(RoutingContext ctx) {
        Optional<Map<String, List<String>>> read = form(ctx);
        if (read.isEmpty()) {
            error(ctx, OAuthError.INVALID_REQUEST, "the body must be a form");
            return;
        }
        Map<String, List<String>> form = read.get();
        Future<Result<Optional<String>>> dpop = dpopThumbprint(ctx);
        dpop.compose(bound -> bound.then(thumbprint -> oidc.assertions()
                        .verify(form, oidc.endpoint(TOKEN), oidc.clients()::find)
                        .compose(client -> client.then(c -> oidc.exchange().exchange(c, form, thumbprint)))))
                .onSuccess(tokens -> answer(ctx, tokens, 200))
                .onFailure(ctx::fail);
    }

    /**
     * The thumbprint of the DPoP key a token request proves, if it sent a proof. DPoP proofs are
     * checked by {@code DpopProofs} once it is wired; until then a proof is refused rather than
     * ignored, so no client believes its token is bound when it is not.
     */
    private Future<Result<Optional<String>>> dpopThumbprint(RoutingContext ctx) {
        if (ctx.request().getHeader("DPoP") == null) {
            return Result.acceptNow(Optional.empty());
        }
        return Result.refuseNow(OAuthError.INVALID_DPOP_PROOF, "DPoP is not available on this server yet");
    }

    private void userinfo(RoutingContext ctx) {
        String authorization = ctx.request().getHeader("Authorization");
        if (authorization == null) {
            ctx.response()
                    .setStatusCode(401)
                    .putHeader("WWW-Authenticate", "Bearer, DPoP algs=\"ES256 EdDSA PS256\"")
                    .putHeader("Cache-Control", "no-store")
                    .end();
            return;
        }
        Optional<Presented> presented = Presented.of(authorization);
        if (presented.isEmpty()) {
            error(ctx, OAuthError.INVALID_TOKEN, "send the access token as Bearer or DPoP");
            return;
        }
        oidc.accessTokens()
                .find(presented.get().token())
                .compose(held -> held.isEmpty()
                        ? Result.<JsonObject>refuseNow(OAuthError.INVALID_TOKEN, "unknown or expired access token")
                        : release(presented.get(), held.get()))
                .onSuccess(answer -> answer(ctx, answer, 200))
                .onFailure(ctx::fail);
    }

    private Future<Result<JsonObject>> release(Presented presented, AccessTokens.Held held) {
        if (held.dpopThumbprint().isPresent() || presented.dpop()) {
            // A bound token is no bearer token (RFC 9449 7.1); DPoP proofs are not checked here yet.
            return Result.refuseNow(OAuthError.INVALID_TOKEN, "this access token is bound to a DPoP key");
        }
        return oidc.clients().find(held.signedIn().client().value()).compose(client -> {
            if (client.isEmpty()) {
                return Result.refuseNow(OAuthError.INVALID_TOKEN, "the client may no longer use OpenID Connect");
            }
            return oidc.claimValues()
                    .of(client.get(), held.signedIn(), held.signedIn().claims())
                    .map(values -> Result.accepted(
                            values.copy().put("sub", held.signedIn().subject())));
        });
    }

    /** The access token from an Authorization header, and whether it came as DPoP. */
    private record Presented(String token, boolean dpop) {
        static Optional<Presented> of(String header) {
            String[] parts = header.trim().split(" +", 2);
            if (parts.length != 2) {
                return Optional.empty();
            }
            if (parts[0].equalsIgnoreCase("Bearer")) {
                return Optional.of(new Presented(parts[1], false));
            }
            return parts[0].equalsIgnoreCase("DPoP") ? Optional.of(new Presented(parts[1], true)) : Optional.empty();
        }
    }

    private static Optional<Map<String, List<String>>> form(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        if (type == null
                || !type.split(";", 2)[0].trim().equalsIgnoreCase("application/x-www-form-urlencoded")
                || ctx.body() == null
                || ctx.body().buffer() == null) {
            return Optional.empty();
        }
        Map<String, List<String>> decoded = new QueryStringDecoder(
                        ctx.body().asString(StandardCharsets.UTF_8.name()),
                        StandardCharsets.UTF_8,
                        false,
                        MAX_FORM_PARAMETERS + 1)
                .parameters();
        return decoded.size() > MAX_FORM_PARAMETERS ? Optional.empty() : Optional.of(decoded);
    }

    private static void answer(RoutingContext ctx, Result<JsonObject> result, int status) {
        if (result instanceof Result.Refused<JsonObject> refused) {
            Refusal refusal = refused.refusal();
            if (refusal.code() instanceof OAuthError error) {
                error(ctx, error, refusal.message());
            } else {
                LOG.warn("an OpenID endpoint was refused with a code that is not an OAuth error");
                error(ctx, OAuthError.SERVER_ERROR, "server error");
            }
            return;
        }
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .putHeader("Pragma", "no-cache")
                .end(((Result.Accepted<JsonObject>) result).value().encode());
    }

    private static void error(RoutingContext ctx, OAuthError error, String description) {
        JsonObject body = new JsonObject().put("error", error.wireCode()).put("error_description", description);
        var response = ctx.response()
                .setStatusCode(error.status())
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store");
        if (error == OAuthError.INVALID_TOKEN) {
            response.putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\", DPoP error=\"invalid_token\"");
        } else if (error == OAuthError.INVALID_CLIENT) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        response.end(body.encode());
    }
}
