package org.civis.oidc.flow;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.civis.oidc.OAuthError;

/**
 * The authorization responses (RFC 6749 4.1.2, response mode {@code query}) with the issuer
 * (RFC 9207): the registered redirect URI as it is, its own query kept, our parameters added.
 */
final class Redirects {
    private Redirects() {}

    static URI code(URI redirectUri, String code, Optional<String> state, URI issuer) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", code);
        state.ifPresent(s -> params.put("state", s));
        params.put("iss", issuer.toString());
        return with(redirectUri, params);
    }

    /** An error the client may see; {@code description} is ours, never the client's or the resident's text. */
    static URI error(URI redirectUri, OAuthError error, String description, Optional<String> state, URI issuer) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error.wireCode());
        params.put("error_description", description);
        state.ifPresent(s -> params.put("state", s));
        params.put("iss", issuer.toString());
        return with(redirectUri, params);
    }

    private static URI with(URI base, Map<String, String> params) {
        StringBuilder uri = new StringBuilder(base.toString());
        char separator = base.getRawQuery() == null ? '?' : '&';
        for (Map.Entry<String, String> param : params.entrySet()) {
            uri.append(separator)
                    .append(param.getKey())
                    .append('=')
                    .append(URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return URI.create(uri.toString());
    }
}
