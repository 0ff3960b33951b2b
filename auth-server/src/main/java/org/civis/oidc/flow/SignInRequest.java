package org.civis.oidc.flow;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.civis.auth.partner.PartnerId;

/**
 * An authorization request once checked: what the sign-in must reach and release, and where the
 * browser goes back. Travels through the cluster as JSON inside an authenticated entry.
 *
 * @param claims the OpenID claims asked for, already cut to those the client may receive
 * @param idTokenClaims those of {@code claims} the {@code claims} parameter asks for in the ID token
 * @param forceConsent {@code prompt=consent}: ask even when a remembered consent covers the claims
 */
public record SignInRequest(
        PartnerId clientId,
        URI redirectUri,
        Optional<String> state,
        Optional<String> nonce,
        String codeChallenge,
        Set<String> scopes,
        Set<String> claims,
        Set<String> idTokenClaims,
        String acr,
        boolean forceConsent,
        List<String> uiLocales) {

    public SignInRequest {
        scopes = Set.copyOf(scopes);
        claims = Set.copyOf(claims);
        idTokenClaims = Set.copyOf(idTokenClaims);
        uiLocales = List.copyOf(uiLocales);
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject()
                .put("clientId", clientId.value())
                .put("redirectUri", redirectUri.toString())
                .put("codeChallenge", codeChallenge)
                .put("scopes", sorted(scopes))
                .put("claims", sorted(claims))
                .put("idTokenClaims", sorted(idTokenClaims))
                .put("acr", acr)
                .put("forceConsent", forceConsent)
                .put("uiLocales", new JsonArray(uiLocales));
        state.ifPresent(s -> json.put("state", s));
        nonce.ifPresent(n -> json.put("nonce", n));
        return json;
    }

    public static SignInRequest fromJson(JsonObject json) {
        return new SignInRequest(
                new PartnerId(json.getString("clientId")),
                URI.create(json.getString("redirectUri")),
                Optional.ofNullable(json.getString("state")),
                Optional.ofNullable(json.getString("nonce")),
                json.getString("codeChallenge"),
                strings(json.getJsonArray("scopes")),
                strings(json.getJsonArray("claims")),
                strings(json.getJsonArray("idTokenClaims")),
                json.getString("acr"),
                json.getBoolean("forceConsent"),
                json.getJsonArray("uiLocales").stream().map(String.class::cast).toList());
    }

    private static JsonArray sorted(Set<String> values) {
        return new JsonArray(List.copyOf(new TreeSet<>(values)));
    }

    private static Set<String> strings(JsonArray array) {
        return Set.copyOf(array.stream().map(String.class::cast).toList());
    }

    @Override
    public String toString() { // state and nonce are the client's secrets
        return "SignInRequest[" + clientId + ", " + acr + "]";
    }
}
