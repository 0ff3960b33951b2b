package org.civis.server.oidc;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
import org.civis.oidc.token.ProviderMetadata;
import org.civis.oidc.token.UserInfoAnswers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider's protocol endpoints: discovery (both well-known paths), JWKS, PAR (RFC 9126), token (authorization code grant,
 * private_key_jwt), userinfo. Errors are {@code {"error", "error_description"}} with the wire
 * code of {@link OAuthError}; a refused bearer gets {@code WWW-Authenticate} (RFC 6750 3).
 * Bodies are already bounded by the router's {@code RequestBodies}.
 */
public final class OidcRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(OidcRoutes.class);
    public static final String DISCOVERY = "/.well-known/openid-configuration";
    public static final String OAUTH_METADATA = "/.well-known/oauth-authorization-server";
    public static final String JWKS = "/oidc/jwks";
    public static final String PAR = "/oidc/par";
    public static final String TOKEN = "/oidc/token";
    public static final String USERINFO = "/oidc/userinfo";
    private static final int MAX_FORM_PARAMETERS = 32;

    private final OidcComponents oidc;
    private final Clock clock;

    public OidcRoutes(OidcComponents oidc, Clock clock) {
        this.oidc = oidc;
        this.clock = clock;
    }

    public void mount(Router router) {
        // Built once: the document only changes with the issuer and the schema's languages.
        String discovery =
                ProviderMetadata.document(oidc.issuer(), oidc.uiLocales()).encode();
        for (String path : List.of(DISCOVERY, OAUTH_METADATA)) {
            router.get(path).handler(ctx -> ctx.response()
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Cache-Control", "max-age=300")
                    .end(discovery));
        }
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

    /** The thumbprint of the DPoP key a token request proves, if it sent a proof (RFC 9449 5). */
    private Future<Result<Optional<String>>> dpopThumbprint(RoutingContext ctx) {
        List<String> proofs = ctx.request().headers().getAll("DPoP");
        if (proofs.isEmpty()) {
            return Result.acceptNow(Optional.empty());
        }
        if (proofs.size() > 1) {
            return Result.refuseNow(OAuthError.INVALID_DPOP_PROOF, "one DPoP proof per request");
        }
        return oidc.dpop()
                .check(proofs.get(0), "POST", oidc.endpoint(TOKEN), Optional.empty())
                .map(checked -> checked.map(Optional::of));
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
                        ? Result.<UserInfoAnswers.Answer>refuseNow(
                                OAuthError.INVALID_TOKEN, "unknown or expired access token")
                        : bound(ctx, presented.get(), held.get()).compose(ok -> ok.then(h -> release(h))))
                .onSuccess(answer -> answerUserInfo(ctx, answer))
                .onFailure(ctx::fail);
    }

    /**
     * The token as presented fits how it was issued: a bound token comes as DPoP with a proof for
     * this request by its key (RFC 9449 7), an unbound one as Bearer (a bound token is no bearer token).
     */
    private Future<Result<AccessTokens.Held>> bound(RoutingContext ctx, Presented presented, AccessTokens.Held held) {
        if (held.dpopThumbprint().isEmpty()) {
            return presented.dpop()
                    ? Result.refuseNow(OAuthError.INVALID_TOKEN, "this access token is not bound to a DPoP key")
                    : Result.acceptNow(held);
        }
        List<String> proofs = ctx.request().headers().getAll("DPoP");
        if (!presented.dpop() || proofs.size() != 1) {
            return Result.refuseNow(
                    OAuthError.INVALID_TOKEN, "this access token is bound to a DPoP key: send it as DPoP with a proof");
        }
        return oidc.dpop()
                .check(
                        proofs.get(0),
                        ctx.request().method().name(),
                        oidc.endpoint(USERINFO),
                        Optional.of(presented.token()))
                .map(checked -> checked.flatMap(thumbprint -> thumbprint.equals(
                                held.dpopThumbprint().get())
                        ? Result.accepted(held)
                        : Result.refused(OAuthError.INVALID_TOKEN, "the DPoP proof is not by the token's key")));
    }

    private Future<Result<UserInfoAnswers.Answer>> release(AccessTokens.Held held) {
        return oidc.clients().find(held.signedIn().client().value()).compose(client -> {
            if (client.isEmpty()) {
                return Result.refuseNow(OAuthError.INVALID_TOKEN, "the client may no longer use OpenID Connect");
            }
            return oidc.claimValues()
                    .of(client.get(), held.signedIn(), held.signedIn().claims())
                    .map(values -> Result.accepted(
                            oidc.userInfo().answer(client.get(), held.signedIn().subject(), values, clock.instant())));
        });
    }

    private static void answerUserInfo(RoutingContext ctx, Result<UserInfoAnswers.Answer> result) {
        if (result instanceof Result.Refused<UserInfoAnswers.Answer> refused) {
            answer(ctx, refused.<JsonObject>retype(), 200);
            return;
        }
        UserInfoAnswers.Answer answer = ((Result.Accepted<UserInfoAnswers.Answer>) result).value();
        ctx.response()
                .putHeader("Content-Type", answer.contentType())
                .putHeader("Cache-Control", "no-store")
                .end(answer.body());
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
