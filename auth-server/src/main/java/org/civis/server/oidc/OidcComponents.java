package org.civis.server.oidc;

import java.net.URI;
import java.util.List;
import org.civis.oidc.client.ClientAssertions;
import org.civis.oidc.client.OidcClients;
import org.civis.oidc.flow.AuthorizationRequests;
import org.civis.oidc.flow.ClaimValues;
import org.civis.oidc.flow.CodeExchange;
import org.civis.oidc.flow.PushedRequests;
import org.civis.oidc.flow.SignInFlow;
import org.civis.oidc.token.AccessTokens;
import org.civis.oidc.token.ProviderKeys;
import org.civis.server.signin.IdNumberInput;
import org.civis.server.web.Pages;

/**
 * The OpenID provider's services, built once at start (AuthWiring): the endpoints take what they
 * call from here, and the sign-in pages take {@link #flow()}.
 *
 * @param uiLocales the ID schema's languages, which the pages speak
 */
public record OidcComponents(
        URI issuer,
        List<String> uiLocales,
        OidcClients clients,
        ClientAssertions assertions,
        AuthorizationRequests requests,
        PushedRequests pushed,
        SignInFlow flow,
        CodeExchange exchange,
        AccessTokens accessTokens,
        ClaimValues claimValues,
        ProviderKeys keys,
        Pages pages,
        IdNumberInput idNumbers) {

    public OidcComponents {
        uiLocales = List.copyOf(uiLocales);
    }

    /** An endpoint's absolute URL: the issuer's path, then {@code path}. */
    public URI endpoint(String path) {
        String base = issuer.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }
}
