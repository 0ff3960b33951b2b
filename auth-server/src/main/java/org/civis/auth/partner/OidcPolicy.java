package org.civis.auth.partner;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a partner may do as an OpenID Connect relying party: where the browser may be sent back,
 * whether it must push its authorization requests, how its ID tokens are signed and how userinfo
 * is answered. A partner without one may not use OpenID Connect at all.
 */
public record OidcPolicy(
        List<URI> redirectUris,
        boolean requirePushedAuthorizationRequests,
        IdTokenAlg idTokenSignedResponseAlg,
        UserinfoResponse userinfoResponse) {
    public static final int MAX_REDIRECT_URIS = 10;
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "[::1]", "::1", "localhost");

    public OidcPolicy {
        redirectUris = List.copyOf(redirectUris);
        if (redirectUris.isEmpty() || redirectUris.size() > MAX_REDIRECT_URIS) {
            throw new IllegalArgumentException("1.." + MAX_REDIRECT_URIS + " redirect URIs");
        }
        if (!redirectUris.stream().allMatch(OidcPolicy::acceptableRedirect)) {
            throw new IllegalArgumentException("a redirect URI is not acceptable");
        }
    }

    /** The JWS algorithms an ID token (and a signed userinfo answer) may be signed with. */
    public enum IdTokenAlg {
        RS256,
        PS256,
        ES256
    }

    /** How userinfo is answered, by the names the policy uses. */
    public enum UserinfoResponse {
        JSON("json"),
        SIGNED("signed"),
        SIGNED_AND_ENCRYPTED("signed-and-encrypted");

        private final String wireName;

        UserinfoResponse(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /**
     * Absolute, no fragment, https, or http on a loopback host only (RFC 8252 7.3 for native apps;
     * OAuth 2.0 Security BCP 2.1 otherwise). Exact string match is applied later, so nothing here
     * normalises.
     */
    public static boolean acceptableRedirect(URI uri) {
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getRawFragment() != null || uri.getHost() == null) {
            return false;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("https")
                || (scheme.equals("http") && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT)));
    }

    public JsonObject toJson() {
        return new JsonObject()
                .put(
                        "redirectUris",
                        new JsonArray(redirectUris.stream().map(URI::toString).toList()))
                .put("requirePushedAuthorizationRequests", requirePushedAuthorizationRequests)
                .put("idTokenSignedResponseAlg", idTokenSignedResponseAlg.name())
                .put("userinfoResponse", userinfoResponse.wireName());
    }
}
