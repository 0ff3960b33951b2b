package org.civis.server.oidc;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.civis.server.partnerapi.TestPartner;

/** A bank's OpenID client, as the Nimbus SDK plays it: its requests, assertions and token calls. */
final class RelyingParty {
    static final URI CALLBACK = URI.create("https://rp.example/cb");

    final TestPartner partner;
    final ClientID clientId;
    final URI issuer;
    final State state = new State();
    final Nonce nonce = new Nonce();
    final CodeVerifier verifier = new CodeVerifier();

    final Clock clock;

    RelyingParty(TestPartner partner, URI issuer, Clock clock) {
        this.partner = partner;
        this.clock = clock;
        this.clientId = new ClientID(partner.id);
        this.issuer = issuer;
    }

    /** The policy of a partner that may sign residents in and receive these ID schema fields. */
    static JsonObject policy(boolean requirePar, String... kycAttributes) {
        return new JsonObject()
                .put("authTypes", new JsonArray().add("OTP"))
                .put("kycAttributes", new JsonArray(List.of((Object[]) kycAttributes)))
                .put("requestsPerSecond", 1000)
                .put(
                        "oidc",
                        new JsonObject()
                                .put("redirectUris", new JsonArray().add(CALLBACK.toString()))
                                .put("requirePushedAuthorizationRequests", requirePar));
    }

    AuthenticationRequest.Builder request(String scope) {
        return new AuthenticationRequest.Builder(ResponseType.CODE, Scope.parse(scope), clientId, CALLBACK)
                .endpointURI(issuer.resolve("/oidc/authorize"))
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256);
    }

    URI tokenEndpoint() {
        return issuer.resolve("/oidc/token");
    }

    /** A private_key_jwt assertion signed with the partner's registered ES256 key. */
    ClientAuthentication assertion() {
        return assertion(
                claims(
                        tokenEndpoint(),
                        clock.instant().plusSeconds(60),
                        UUID.randomUUID().toString()),
                partner.signingKey);
    }

    ClientAuthentication assertion(JWTClaimsSet claims, JWK key) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.ES256)
                            .keyID(partner.signingKey.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            jwt.sign(new ECDSASigner((ECKey) key));
            return new PrivateKeyJWT(jwt);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    JWTClaimsSet claims(URI audience, Instant expiry, String jti) {
        return new JWTClaimsSet.Builder()
                .issuer(partner.id)
                .subject(partner.id)
                .audience(audience.toString())
                .expirationTime(Date.from(expiry))
                .issueTime(Date.from(clock.instant()))
                .jwtID(jti)
                .build();
    }

    /** A token request whose client_assertion is exactly {@code assertion}, whatever it is. */
    HttpResponse<String> redeemRaw(AuthorizationCode code, String assertion) {
        String form = "grant_type=authorization_code&code=" + code.getValue()
                + "&redirect_uri=" + URLEncoder.encode(CALLBACK.toString(), StandardCharsets.UTF_8)
                + "&code_verifier=" + verifier.getValue()
                + "&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer"
                + "&client_assertion=" + assertion;
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(tokenEndpoint())
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(form))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    HTTPResponse redeem(AuthorizationCode code, CodeVerifier withVerifier, ClientAuthentication auth) {
        try {
            return new TokenRequest(tokenEndpoint(), auth, new AuthorizationCodeGrant(code, CALLBACK, withVerifier))
                    .toHTTPRequest()
                    .send();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
