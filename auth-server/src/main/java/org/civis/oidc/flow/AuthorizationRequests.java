package org.civis.oidc.flow;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.OIDCClaimsRequest;
import com.nimbusds.openid.connect.sdk.OIDCScopeValue;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.claims.ClaimsSetRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civis.oidc.Acr;
import org.civis.oidc.OAuthError;
import org.civis.oidc.OidcClaims;
import org.civis.oidc.client.OidcClient;

/**
 * Checks an authorization request (the query of GET /oidc/authorize, or a pushed form) against its
 * client. An unknown client or redirect URI is never redirected to: the browser is shown an error.
 * Any other problem goes back to the client's redirect URI with {@code error}, {@code state} and
 * {@code iss} (RFC 9207). Descriptions are ours: no parameter value is ever echoed.
 */
public final class AuthorizationRequests {
    private final URI issuer;

    public AuthorizationRequests(URI issuer) {
        this.issuer = issuer;
    }

    /** A request the sign-in can start from, or why not and, when the client may hear it, where to say so. */
    public sealed interface Checked {
        record Accepted(OidcClient client, SignInRequest request) implements Checked {}

        /** {@code sendTo}: the error response at the client's redirect URI; empty when it must not be used. */
        record Refused(OAuthError error, String description, Optional<URI> sendTo) implements Checked {}
    }

    /**
     * @param client the client {@code client_id} names, if it is one (for a pushed request, the
     *     authenticated client)
     * @param pushed the parameters came through POST /oidc/par, so the PAR requirement is met
     */
    public Checked check(Map<String, List<String>> params, Optional<OidcClient> client, boolean pushed) {
        if (client.isEmpty()
                || !single(params, "client_id")
                        .equals(Optional.of(client.get().id().value()))) {
            return new Checked.Refused(OAuthError.CLIENT_UNKNOWN, "unknown client", Optional.empty());
        }
        Optional<URI> redirectUri = single(params, "redirect_uri").flatMap(AuthorizationRequests::uri);
        if (redirectUri.isEmpty() || !client.get().registered(redirectUri.get())) {
            return new Checked.Refused(
                    OAuthError.REDIRECT_URI_INVALID, "redirect_uri missing or not registered", Optional.empty());
        }
        Target target = new Target(redirectUri.get(), single(params, "state"));
        if (params.values().stream().anyMatch(values -> values.size() > 1)) {
            return refuse(target, OAuthError.INVALID_REQUEST, "a parameter is repeated");
        }
        if (params.containsKey("request")) {
            return refuse(target, OAuthError.REQUEST_NOT_SUPPORTED, "request objects are not supported");
        }
        if (params.containsKey("request_uri")) {
            return refuse(target, OAuthError.INVALID_REQUEST_URI, "request_uri is only for pushed requests");
        }
        if (client.get().requirePushedRequests() && !pushed) {
            return refuse(target, OAuthError.INVALID_REQUEST, "this client must push its authorization requests");
        }
        if (!single(params, "response_type").equals(Optional.of("code"))) {
            return refuse(target, OAuthError.UNSUPPORTED_RESPONSE_TYPE, "only response_type=code is supported");
        }
        AuthenticationRequest request;
        try {
            request = AuthenticationRequest.parse(params);
        } catch (ParseException e) {
            if (params.containsKey("scope") && !scopeHasOpenid(params)) {
                return refuse(target, OAuthError.INVALID_SCOPE, "scope must include openid");
            }
            return refuse(target, OAuthError.INVALID_REQUEST, "malformed authorization request");
        }
        return check(request, client.get(), target);
    }

    private Checked check(AuthenticationRequest request, OidcClient client, Target target) {
        if (!request.getResponseType().equals(ResponseType.CODE)) {
            return refuse(target, OAuthError.UNSUPPORTED_RESPONSE_TYPE, "only response_type=code is supported");
        }
        if (request.getResponseMode() != null && !request.getResponseMode().equals(ResponseMode.QUERY)) {
            return refuse(target, OAuthError.INVALID_REQUEST, "only response_mode=query is supported");
        }
        if (request.getCodeChallenge() == null || !CodeChallengeMethod.S256.equals(request.getCodeChallengeMethod())) {
            return refuse(target, OAuthError.INVALID_REQUEST, "PKCE with code_challenge_method=S256 is required");
        }
        Prompt prompt = request.getPrompt();
        if (prompt != null && prompt.contains(Prompt.Type.NONE)) {
            return refuse(target, OAuthError.LOGIN_REQUIRED, "the resident must sign in");
        }
        Set<String> scopes = new HashSet<>(request.getScope().toStringList());
        Set<String> idTokenClaims = names(request.getOIDCClaims(), true);
        Set<String> claims = new HashSet<>(OidcClaims.forScopes(scopes));
        claims.addAll(names(request.getOIDCClaims(), false));
        claims.addAll(idTokenClaims);
        claims.retainAll(client.allowedClaims());
        idTokenClaims.retainAll(claims);
        return new Checked.Accepted(
                client,
                new SignInRequest(
                        client.id(),
                        target.redirectUri(),
                        target.state(),
                        Optional.ofNullable(request.getNonce()).map(n -> n.getValue()),
                        request.getCodeChallenge().getValue(),
                        scopes,
                        claims,
                        idTokenClaims,
                        acr(request.getACRValues()),
                        prompt != null && prompt.contains(Prompt.Type.CONSENT),
                        request.getUILocales() == null
                                ? List.of()
                                : request.getUILocales().stream()
                                        .map(Object::toString)
                                        .toList()));
    }

    /** The first of the client's acr_values Civis supports; else OTP alone (acr_values are voluntary). */
    private static String acr(List<ACR> asked) {
        if (asked != null) {
            for (ACR acr : asked) {
                if (acr.getValue().equals(Acr.GENERATED_CODE)
                        || acr.getValue().equals(Acr.GENERATED_CODE_AND_KNOWLEDGE)) {
                    return acr.getValue();
                }
            }
        }
        return Acr.GENERATED_CODE;
    }

    private static Set<String> names(OIDCClaimsRequest claims, boolean idToken) {
        Set<String> names = new HashSet<>();
        if (claims == null) {
            return names;
        }
        ClaimsSetRequest set = idToken ? claims.getIDTokenClaimsRequest() : claims.getUserInfoClaimsRequest();
        if (set != null) {
            set.getEntries().forEach(entry -> names.add(entry.getClaimName()));
        }
        names.retainAll(OidcClaims.SUPPORTED);
        return names;
    }

    private static boolean scopeHasOpenid(Map<String, List<String>> params) {
        return single(params, "scope")
                .map(scope -> List.of(scope.split(" ")).contains(OIDCScopeValue.OPENID.getValue()))
                .orElse(false);
    }

    static Optional<String> single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.size() != 1 ? Optional.empty() : Optional.of(values.get(0));
    }

    private static Optional<URI> uri(String text) {
        try {
            return Optional.of(new URI(text));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Where errors the client may hear go. */
    private record Target(URI redirectUri, Optional<String> state) {}

    private Checked.Refused refuse(Target target, OAuthError error, String description) {
        return new Checked.Refused(
                error,
                description,
                Optional.of(Redirects.error(target.redirectUri(), error, description, target.state(), issuer)));
    }
}
