package org.civis.oidc.flow;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.civis.core.refusal.Result;
import org.civis.oidc.OAuthError;
import org.civis.oidc.client.OidcClient;
import org.civis.oidc.token.AccessTokens;
import org.civis.oidc.token.IdTokens;
import org.civis.oidc.token.SignedIn;

/**
 * The token endpoint's grant, once the client is authenticated: an authorization code (with its
 * redirect URI and PKCE verifier) becomes an access token, bound to the DPoP key when the request
 * carried a proof, and an ID token with the claims asked for there.
 */
public final class CodeExchange {
    private final AuthorizationCodes codes;
    private final AccessTokens accessTokens;
    private final IdTokens idTokens;
    private final ClaimValues claimValues;
    private final Clock clock;

    public CodeExchange(
            AuthorizationCodes codes,
            AccessTokens accessTokens,
            IdTokens idTokens,
            ClaimValues claimValues,
            Clock clock) {
        this.codes = codes;
        this.accessTokens = accessTokens;
        this.idTokens = idTokens;
        this.claimValues = claimValues;
        this.clock = clock;
    }

    /** The token response (RFC 6749 5.1, OpenID Connect Core 3.1.3.3), or an error of RFC 6749 5.2. */
    public Future<Result<JsonObject>> exchange(
            OidcClient client, Map<String, List<String>> form, Optional<String> dpopThumbprint) {
        if (!AuthorizationRequests.single(form, "grant_type").equals(Optional.of("authorization_code"))) {
            return Result.refuseNow(OAuthError.UNSUPPORTED_GRANT_TYPE, "only authorization_code is supported");
        }
        Optional<String> code = AuthorizationRequests.single(form, "code");
        Optional<URI> redirectUri =
                AuthorizationRequests.single(form, "redirect_uri").flatMap(CodeExchange::uri);
        Optional<String> verifier = AuthorizationRequests.single(form, "code_verifier");
        if (code.isEmpty() || redirectUri.isEmpty() || verifier.isEmpty()) {
            return Result.refuseNow(OAuthError.INVALID_REQUEST, "code, redirect_uri and code_verifier are required");
        }
        return codes.redeem(code.get(), client.id(), redirectUri.get(), verifier.get())
                .compose(redeemed -> redeemed.thenAccept(signedIn -> tokens(client, signedIn, dpopThumbprint)));
    }

    private Future<JsonObject> tokens(OidcClient client, SignedIn signedIn, Optional<String> dpopThumbprint) {
        return accessTokens.issue(signedIn, dpopThumbprint).compose(issued -> claimValues
                .of(client, signedIn, signedIn.idTokenClaims())
                .map(values -> new JsonObject()
                        .put("access_token", issued.token())
                        .put("token_type", dpopThumbprint.isPresent() ? "DPoP" : "Bearer")
                        .put("expires_in", issued.expiresIn().toSeconds())
                        .put("id_token", idTokens.issue(client, signedIn, values, issued.token(), clock.instant()))
                        .put("scope", String.join(" ", new TreeSet<>(signedIn.scopes())))));
    }

    private static Optional<URI> uri(String text) {
        try {
            return Optional.of(new URI(text));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
