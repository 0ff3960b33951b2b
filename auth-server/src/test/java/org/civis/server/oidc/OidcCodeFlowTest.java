package org.civis.server.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civis.core.registry.Residents;
import org.civis.oidc.Acr;
import org.civis.server.oidc.Browser.Page;
import org.civis.server.partnerapi.AuthTestbed;
import org.civis.server.partnerapi.TestPartner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The authorization code flow over real HTTP against a running server, the Nimbus SDK playing the
 * relying party and plain form posts playing the resident, and the ways it must refuse.
 */
class OidcCodeFlowTest {
    private static AuthTestbed bed;
    private static URI issuer;
    private static TestPartner bank;
    private static int residents = 50;

    @BeforeAll
    static void start() {
        // Every sign-in of this class comes from 127.0.0.1: lift the per-address code budget,
        // which SignInPagesTest covers, above the class's two dozen sign-ins.
        bed = new AuthTestbed(Map.of("CIVIS_RESIDENT_OTP_PER_ADDRESS", "1000"));
        // The relying party's validators read the system clock: the server's starts at the same time.
        bed.clock.advance(java.time.Duration.between(bed.clock.instant(), Instant.now()));
        issuer = URI.create("http://127.0.0.1:" + bed.server.config().publicPort());
        bank = bed.register(
                TestPartner.create("oidc-bank", true),
                RelyingParty.policy(false, "fullName", "dateOfBirth", "email", "phone"));
    }

    @AfterAll
    static void stop() {
        bed.close();
    }

    @Test
    void aResidentSignsInAndTheClientGetsVerifiedTokensAndUserinfo() throws Exception {
        RelyingParty rp = new RelyingParty(bank, issuer, bed.clock);
        Browser browser = new Browser(issuer);
        Resident resident = newResident();

        AuthorizationCode code =
                signIn(rp, browser, rp.request("openid profile email").build().toURI(), resident);
        HTTPResponse http = rp.redeem(code, rp.verifier, rp.assertion());

        assertThat(http.getStatusCode()).as(http.getBody()).isEqualTo(200);
        assertThat(http.getHeaderValue("Cache-Control")).isEqualTo("no-store");
        OIDCTokenResponse tokens = oidcTokens(http);
        JWKSet jwks = JWKSet.parse(browser.get(issuer.resolve("/oidc/jwks")).body());
        IDTokenClaimsSet idToken = new IDTokenValidator(new Issuer(issuer), rp.clientId, JWSAlgorithm.RS256, jwks)
                .validate(tokens.getOIDCTokens().getIDToken(), rp.nonce);
        assertThat(idToken.getSubject().getValue()).hasSize(43).isNotEqualTo(resident.uin());
        assertThat(idToken.getACR().getValue()).isEqualTo(Acr.GENERATED_CODE);
        assertThat(idToken.getAMR()).extracting(Object::toString).containsExactly("otp");
        BearerAccessToken access = tokens.getOIDCTokens().getBearerAccessToken();
        UserInfoResponse userInfo = UserInfoResponse.parse(new UserInfoRequest(issuer.resolve("/oidc/userinfo"), access)
                .toHTTPRequest()
                .send());
        var claims = userInfo.toSuccessResponse().getUserInfo();
        assertThat(claims.getSubject()).isEqualTo(idToken.getSubject());
        // profile asks name, birthdate, gender, picture; the policy allows name and birthdate of those
        assertThat(claims.getName())
                .isEqualTo(resident.identity().getJsonObject("fullName").getString("eng"));
        assertThat(claims.getBirthdate()).isEqualTo(resident.identity().getString("dateOfBirth"));
        assertThat(claims.getEmailAddress()).isEqualTo(resident.identity().getString("email"));
        assertThat(claims.getGender()).isNull();
        assertThat(claims.getPhoneNumber()).isNull();
    }

    @Test
    void theKnowledgeAcrAsksTheDateOfBirthAfterTheCode() throws Exception {
        RelyingParty rp = new RelyingParty(bank, issuer, bed.clock);
        Browser browser = new Browser(issuer);
        Resident resident = newResident();
        URI request = rp.request("openid")
                .acrValues(List.of(new com.nimbusds.openid.connect.sdk.claims.ACR(Acr.GENERATED_CODE_AND_KNOWLEDGE)))
                .build()
                .toURI();

        Page identify = browser.get(request);
        Page codePage =
                browser.post("/oidc/signin/identify", Map.of("csrf", identify.csrf(), "individualId", resident.uin()));
        Page knowledge = browser.post(
                "/oidc/signin/code", Map.of("csrf", codePage.csrf(), "code", bed.lastCodeSentTo(resident.phone())));
        Page wrong =
                browser.post("/oidc/signin/knowledge", Map.of("csrf", knowledge.csrf(), "dateOfBirth", "1900-01-01"));
        Page consent = browser.post(
                "/oidc/signin/knowledge",
                Map.of("csrf", wrong.csrf(), "dateOfBirth", resident.identity().getString("dateOfBirth")));
        Page back = browser.post("/oidc/signin/consent", Map.of("csrf", consent.csrf(), "decision", "allow"));

        assertThat(wrong.body()).contains("id=\"problem\"");
        assertThat(back.status()).isEqualTo(303);
        AuthorizationCode code = success(rp, back).getAuthorizationCode();
        OIDCTokenResponse tokens = oidcTokens(rp.redeem(code, rp.verifier, rp.assertion()));
        var idToken = tokens.getOIDCTokens().getIDToken().getJWTClaimsSet();
        assertThat(idToken.getStringClaim("acr")).isEqualTo(Acr.GENERATED_CODE_AND_KNOWLEDGE);
        assertThat(idToken.getStringListClaim("amr")).containsExactly("otp", "kba");
    }

    @Test
    void anUnregisteredRedirectUriIsNeverRedirectedTo() {
        RelyingParty rp = new RelyingParty(bank, issuer, bed.clock);
        URI request = URI.create(
                rp.request("openid").build().toURI().toString().replace("rp.example%2Fcb", "evil.example%2Fcb"));

        Page page = new Browser(issuer).get(request);

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.location()).isEmpty();
    }

    @Test
    void aRequestWithoutPkceGoesBackWithInvalidRequestStateAndIssuer() throws Exception {
        RelyingParty rp = new RelyingParty(bank, issuer, bed.clock);
        URI request = new com.nimbusds.openid.connect.sdk.AuthenticationRequest.Builder(
                        com.nimbusds.oauth2.sdk.ResponseType.CODE,
                        com.nimbusds.oauth2.sdk.Scope.parse("openid"),
                        rp.clientId,
                        RelyingParty.CALLBACK)
                .endpointURI(issuer.resolve("/oidc/authorize"))
                .state(rp.state)
                .build()
                .toURI();

        Page page = new Browser(issuer).get(request);

        assertThat(page.status()).isEqualTo(303);
        AuthorizationResponse response =
                AuthorizationResponse.parse(page.location().orElseThrow());
        assertThat(response.indicatesSuccess()).isFalse();
        assertThat(response.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_request");
        assertThat(response.getState()).isEqualTo(rp.state);
        assertThat(response.getIssuer()).isEqualTo(new Issuer(issuer));
    }

    @Test
    void aWrongVerifierIsRefusedAndAReusedCodeRevokesItsTokens() throws Exception {
        RelyingParty rp = new RelyingParty(bank, issuer, bed.clock);
        AuthorizationCode code = signIn(
                rp, new Browser(issuer), rp.request("openid email").build().toURI(), newResident());
        RelyingParty other = new RelyingParty(bank, issuer, bed.clock);
        AuthorizationCode second = signIn(
                other,
                new Browser(issuer),
                other.request("openid email").build().toURI(),
                newResident());

        HTTPResponse wrongVerifier = rp.redeem(second, new CodeVerifier(), rp.assertion());
        HTTPResponse first = rp.redeem(code, rp.verifier, rp.assertion());
        BearerAccessToken access = oidcTokens(first).getOIDCTokens().getBearerAccessToken();
        int before = userinfo(access).getStatusCode();
        HTTPResponse replay = rp.redeem(code, rp.verifier, rp.assertion());
        HTTPResponse after = userinfo(access);

        assertThat(error(wrongVerifier).getCode()).isEqualTo("invalid_grant");
        assertThat(before).isEqualTo(200);
        assertThat(error(replay).getCode()).isEqualTo("invalid_grant");
        assertThat(after.getStatusCode()).isEqualTo(401);
        assertThat(after.getHeaderValue("WWW-Authenticate")).contains("invalid_token");
    }

    @Test
    void clientAssertionsThatBreakARuleAreRefused() throws Exception {
        RelyingParty rp = new RelyingParty(bank, issuer, bed.clock);
        AuthorizationCode code =
                signIn(rp, new Browser(issuer), rp.request("openid").build().toURI(), newResident());
        String jti = UUID.randomUUID().toString();
        var replayed =
                rp.assertion(rp.claims(rp.tokenEndpoint(), bed.clock.instant().plusSeconds(60), jti), bank.signingKey);

        HTTPResponse expired = rp.redeem(
                code,
                rp.verifier,
                rp.assertion(
                        rp.claims(rp.tokenEndpoint(), bed.clock.instant().minusSeconds(60), "a1"), bank.signingKey));
        HTTPResponse unknownKey = rp.redeem(
                code,
                rp.verifier,
                rp.assertion(
                        rp.claims(rp.tokenEndpoint(), bed.clock.instant().plusSeconds(60), "a2"),
                        new ECKeyGenerator(Curve.P_256).generate()));
        HTTPResponse wrongAudience = rp.redeem(
                code,
                rp.verifier,
                rp.assertion(
                        rp.claims(
                                URI.create("https://other.example/token"),
                                bed.clock.instant().plusSeconds(60),
                                "a3"),
                        bank.signingKey));
        var none = rp.redeemRaw(
                code,
                new PlainJWT(rp.claims(rp.tokenEndpoint(), bed.clock.instant().plusSeconds(60), "a4")).serialize());
        HTTPResponse accepted = rp.redeem(code, rp.verifier, replayed);
        HTTPResponse replay = rp.redeem(code, rp.verifier, replayed);

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(new JsonObject(none.body()).getString("error")).isEqualTo("invalid_client");
        for (HTTPResponse refused : List.of(expired, unknownKey, wrongAudience)) {
            assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(401);
            assertThat(error(refused).getCode()).isEqualTo("invalid_client");
        }
        assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(200);
        assertThat(replay.getStatusCode()).isEqualTo(401);
        assertThat(error(replay).getCode()).isEqualTo("invalid_client");
    }

    @Test
    void aDeniedConsentGoesBackAsAccessDenied() throws Exception {
        RelyingParty rp = new RelyingParty(bank, issuer, bed.clock);
        Browser browser = new Browser(issuer);
        Page consent = toConsent(browser, rp.request("openid email").build().toURI(), newResident());

        Page back = browser.post("/oidc/signin/consent", Map.of("csrf", consent.csrf(), "decision", "deny"));

        AuthorizationResponse response =
                AuthorizationResponse.parse(back.location().orElseThrow());
        assertThat(response.toErrorResponse().getErrorObject().getCode()).isEqualTo("access_denied");
        assertThat(response.getState()).isEqualTo(rp.state);
    }

    @Test
    void anIdentityWithOtpLockedCannotSignInAndNoCodeIsSent() {
        String locked = newResident().uin();
        bed.admin.post(
                "/v1/identities/" + locked + "/locks",
                new JsonObject()
                        .put("authTypes", new io.vertx.core.json.JsonArray().add("otp"))
                        .put("locked", true));
        RelyingParty rp = new RelyingParty(bank, issuer, bed.clock);
        Browser browser = new Browser(issuer);

        Page identify = browser.get(rp.request("openid").build().toURI());
        Page refused = browser.post("/oidc/signin/identify", Map.of("csrf", identify.csrf(), "individualId", locked));

        assertThat(refused.body()).contains("id=\"problem\"").contains("action=\"/oidc/signin/identify\"");
        assertThat(refused.body()).doesNotContain("action=\"/oidc/signin/code\"");
    }

    @Test
    void aRevokedVidNamesNoOneAndItsCodePageTakesNoCode() {
        String uin = newResident().uin();
        JsonObject created = bed.admin
                .post("/v1/identities/" + uin + "/vids", new JsonObject().put("type", "TEMPORARY"))
                .json();
        String vid = created.getString("vid");
        bed.admin.post("/v1/vids/" + vid + "/revoke", "", null);
        RelyingParty rp = new RelyingParty(bank, issuer, bed.clock);
        Browser browser = new Browser(issuer);

        Page identify = browser.get(rp.request("openid").build().toURI());
        Page codePage = browser.post("/oidc/signin/identify", Map.of("csrf", identify.csrf(), "individualId", vid));
        Page wrong = browser.post("/oidc/signin/code", Map.of("csrf", codePage.csrf(), "code", "123456"));

        assertThat(wrong.status()).isNotEqualTo(303);
        assertThat(wrong.body()).contains("id=\"problem\"").contains("action=\"/oidc/signin/code\"");
    }

    @Test
    void bothDiscoveryPathsServeTheDocumentNimbusReads() throws Exception {
        Browser browser = new Browser(issuer);

        String document =
                browser.get(issuer.resolve("/.well-known/openid-configuration")).body();
        var oidc = com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata.parse(document);
        String oauth = browser.get(issuer.resolve("/.well-known/oauth-authorization-server"))
                .body();

        assertThat(oidc.getIssuer()).isEqualTo(new Issuer(issuer));
        assertThat(oidc.getTokenEndpointURI()).isEqualTo(issuer.resolve("/oidc/token"));
        assertThat(oidc.getPushedAuthorizationRequestEndpointURI()).isEqualTo(issuer.resolve("/oidc/par"));
        assertThat(oauth).isEqualTo(document);
    }

    @Test
    void aPushedRequestSignsInOnceAndAClientThatRequiresPushingIsRefusedTheFrontChannel() throws Exception {
        TestPartner pushing =
                bed.register(TestPartner.create("pushing-bank", true), RelyingParty.policy(true, "fullName", "email"));
        RelyingParty rp = new RelyingParty(pushing, issuer, bed.clock);
        Browser browser = new Browser(issuer);
        var assertion = rp.assertion(
                rp.claims(
                        issuer,
                        bed.clock.instant().plusSeconds(60),
                        UUID.randomUUID().toString()),
                pushing.signingKey);

        Page frontChannel = browser.get(rp.request("openid").build().toURI());
        HTTPResponse pushed = new com.nimbusds.oauth2.sdk.PushedAuthorizationRequest(
                        issuer.resolve("/oidc/par"),
                        assertion,
                        rp.request("openid email").build())
                .toHTTPRequest()
                .send();
        URI requestUri = com.nimbusds.oauth2.sdk.PushedAuthorizationResponse.parse(pushed)
                .toSuccessResponse()
                .getRequestURI();
        URI authorize = new com.nimbusds.oauth2.sdk.AuthorizationRequest.Builder(requestUri, rp.clientId)
                .endpointURI(issuer.resolve("/oidc/authorize"))
                .build()
                .toURI();
        AuthorizationCode code = signIn(rp, browser, authorize, newResident());
        Page again = new Browser(issuer).get(authorize);

        assertThat(AuthorizationResponse.parse(frontChannel.location().orElseThrow())
                        .toErrorResponse()
                        .getErrorObject()
                        .getCode())
                .isEqualTo("invalid_request");
        assertThat(pushed.getStatusCode()).as(pushed.getBody()).isEqualTo(201);
        assertThat(requestUri.toString()).startsWith("urn:ietf:params:oauth:request_uri:");
        assertThat(rp.redeem(code, rp.verifier, rp.assertion()).getStatusCode()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.location()).isEmpty();
    }

    @Test
    void aDpopBoundTokenWorksWithAProofAndIsRefusedAsBearer() throws Exception {
        RelyingParty rp = new RelyingParty(bank, issuer, bed.clock);
        var dpopKey = new ECKeyGenerator(Curve.P_256).generate();
        var proofs = new com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory(dpopKey, JWSAlgorithm.ES256);
        AuthorizationCode code = signIn(
                rp, new Browser(issuer), rp.request("openid email").build().toURI(), newResident());
        var tokenRequest = new com.nimbusds.oauth2.sdk.TokenRequest(
                        rp.tokenEndpoint(),
                        rp.assertion(),
                        new com.nimbusds.oauth2.sdk.AuthorizationCodeGrant(code, RelyingParty.CALLBACK, rp.verifier))
                .toHTTPRequest();
        tokenRequest.setDPoP(proofs.createDPoPJWT("POST", rp.tokenEndpoint()));

        OIDCTokenResponse tokens = oidcTokens(tokenRequest.send());
        var access = tokens.getOIDCTokens().getDPoPAccessToken();
        URI userinfoUri = issuer.resolve("/oidc/userinfo");
        var withProof = new UserInfoRequest(userinfoUri, access).toHTTPRequest();
        withProof.setDPoP(proofs.createDPoPJWT("GET", userinfoUri, access));
        HTTPResponse proven = withProof.send();
        HTTPResponse asBearer = userinfo(new BearerAccessToken(access.getValue()));

        assertThat(access).isNotNull();
        assertThat(proven.getStatusCode()).as(proven.getBody()).isEqualTo(200);
        assertThat(asBearer.getStatusCode()).isEqualTo(401);
        assertThat(asBearer.getHeaderValue("WWW-Authenticate")).contains("invalid_token");
    }

    @Test
    void anAllowIsRememberedSoTheNextSignInSkipsConsentUnlessPromptConsent() throws Exception {
        Resident resident = newResident();
        RelyingParty first = new RelyingParty(bank, issuer, bed.clock);
        signIn(first, new Browser(issuer), first.request("openid email").build().toURI(), resident);
        RelyingParty second = new RelyingParty(bank, issuer, bed.clock);
        Browser browser = new Browser(issuer);

        Page identify = browser.get(second.request("openid email").build().toURI());
        Page codePage =
                browser.post("/oidc/signin/identify", Map.of("csrf", identify.csrf(), "individualId", resident.uin()));
        Page back = browser.post(
                "/oidc/signin/code", Map.of("csrf", codePage.csrf(), "code", bed.lastCodeSentTo(resident.phone())));
        RelyingParty third = new RelyingParty(bank, issuer, bed.clock);
        Page asked = toConsent(
                new Browser(issuer),
                third.request("openid email")
                        .prompt(new com.nimbusds.openid.connect.sdk.Prompt("consent"))
                        .build()
                        .toURI(),
                resident);

        assertThat(back.status()).as(back.body()).isEqualTo(303);
        assertThat(success(second, back).getAuthorizationCode()).isNotNull();
        assertThat(asked.body()).contains("action=\"/oidc/signin/consent\"");
    }

    @Test
    void eachFactorOfASignInIsInTheResidentsHistoryNamingTheClient() throws Exception {
        Resident resident = newResident();
        RelyingParty rp = new RelyingParty(bank, issuer, bed.clock);
        Browser browser = new Browser(issuer);
        Page identify = browser.get(rp.request("openid").build().toURI());
        Page codePage =
                browser.post("/oidc/signin/identify", Map.of("csrf", identify.csrf(), "individualId", resident.uin()));
        browser.post("/oidc/signin/code", Map.of("csrf", codePage.csrf(), "code", "000000"));
        toConsent(browser, rp.request("openid").build().toURI(), resident);

        JsonObject ask = new JsonObject().put("individualId", resident.uin()).put("transactionId", "history-1");
        bed.publicApi.post(
                "/v1/resident/otp", ask.copy().put("channels", new io.vertx.core.json.JsonArray().add("EMAIL")));
        String session = bed.publicApi
                .post(
                        "/v1/resident/session",
                        ask.put("otp", bed.lastCodeSentTo(resident.identity().getString("email"))))
                .json()
                .getString("sessionToken");
        var history = bed.publicApi
                .send("GET", "/v1/resident/me/history", null, null, Map.of("authorization", "Bearer " + session))
                .json()
                .getJsonArray("transactions");

        List<String> oidc = history.stream()
                .map(JsonObject.class::cast)
                .filter(e -> e.getString("kind").equals("OIDC"))
                .map(e -> e.getString("partnerId") + " "
                        + e.getJsonArray("authTypes").encode() + " " + e.getBoolean("success") + " "
                        + e.getJsonArray("errors").encode())
                .toList();
        assertThat(oidc).containsExactly("oidc-bank [\"OTP\"] true []", "oidc-bank [\"OTP\"] false [\"OTP_INVALID\"]");
    }

    @Test
    void aOneTimeVidSignsInOnceOnly() throws Exception {
        Resident resident = newResident();
        String vid = bed.admin
                .post("/v1/identities/" + resident.uin() + "/vids", new JsonObject().put("type", "ONE_TIME"))
                .json()
                .getString("vid");
        Resident byVid = new Resident(resident.identity(), vid);
        RelyingParty rp = new RelyingParty(bank, issuer, bed.clock);

        AuthorizationCode code =
                signIn(rp, new Browser(issuer), rp.request("openid").build().toURI(), byVid);
        Browser again = new Browser(issuer);
        Page identify = again.get(rp.request("openid").build().toURI());
        Page codePage = again.post("/oidc/signin/identify", Map.of("csrf", identify.csrf(), "individualId", vid));
        Page refused = again.post("/oidc/signin/code", Map.of("csrf", codePage.csrf(), "code", "000000"));

        assertThat(code).isNotNull();
        assertThat(refused.status()).isNotEqualTo(303);
        assertThat(refused.body()).contains("id=\"problem\"");
    }

    @Test
    void aPushedRequestWithoutPkceIsAnsweredAsJsonAndAClientAskingSignedUserinfoGetsAVerifiableJwt() throws Exception {
        JsonObject policy = RelyingParty.policy(false, "fullName", "email");
        policy.getJsonObject("oidc").put("userinfoResponse", "signed").put("idTokenSignedResponseAlg", "ES256");
        TestPartner signing = bed.register(TestPartner.create("signed-bank", true), policy);
        RelyingParty rp = new RelyingParty(signing, issuer, bed.clock);
        var withoutPkce = new com.nimbusds.openid.connect.sdk.AuthenticationRequest.Builder(
                        com.nimbusds.oauth2.sdk.ResponseType.CODE,
                        com.nimbusds.oauth2.sdk.Scope.parse("openid"),
                        rp.clientId,
                        RelyingParty.CALLBACK)
                .build();

        HTTPResponse pushed = new com.nimbusds.oauth2.sdk.PushedAuthorizationRequest(
                        issuer.resolve("/oidc/par"),
                        rp.assertion(
                                rp.claims(
                                        issuer,
                                        bed.clock.instant().plusSeconds(60),
                                        UUID.randomUUID().toString()),
                                signing.signingKey),
                        withoutPkce)
                .toHTTPRequest()
                .send();
        AuthorizationCode code = signIn(
                rp, new Browser(issuer), rp.request("openid email").build().toURI(), newResident());
        OIDCTokenResponse tokens = oidcTokens(rp.redeem(code, rp.verifier, rp.assertion()));
        JWKSet jwks = JWKSet.parse(
                new Browser(issuer).get(issuer.resolve("/oidc/jwks")).body());
        new IDTokenValidator(new Issuer(issuer), rp.clientId, JWSAlgorithm.ES256, jwks)
                .validate(tokens.getOIDCTokens().getIDToken(), rp.nonce);
        HTTPResponse userinfo = userinfo(tokens.getOIDCTokens().getBearerAccessToken());
        var jwt = UserInfoResponse.parse(userinfo).toSuccessResponse().getUserInfoJWT();

        assertThat(pushed.getStatusCode()).isEqualTo(400);
        assertThat(pushed.getContentAsJSONObject().get("error")).isEqualTo("invalid_request");
        assertThat(userinfo.getHeaderValue("Content-Type")).startsWith("application/jwt");
        assertThat(((com.nimbusds.jwt.SignedJWT) jwt)
                        .verify(new com.nimbusds.jose.crypto.ECDSAVerifier(
                                jwks.getKeyByKeyId(((com.nimbusds.jwt.SignedJWT) jwt)
                                                .getHeader()
                                                .getKeyID())
                                        .toECKey())))
                .isTrue();
        assertThat(jwt.getJWTClaimsSet().getStringClaim("email")).endsWith("@mail.example.org");
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(issuer.toString());
    }

    private static AuthorizationCode signIn(RelyingParty rp, Browser browser, URI request, Resident who)
            throws Exception {
        Page consent = toConsent(browser, request, who);
        Page back = browser.post("/oidc/signin/consent", Map.of("csrf", consent.csrf(), "decision", "allow"));
        assertThat(back.status()).as(back.body()).isEqualTo(303);
        return success(rp, back).getAuthorizationCode();
    }

    private static Page toConsent(Browser browser, URI request, Resident who) {
        Page identify = browser.get(request);
        assertThat(identify.status()).as(identify.body()).isEqualTo(200);
        Page codePage =
                browser.post("/oidc/signin/identify", Map.of("csrf", identify.csrf(), "individualId", who.uin()));
        assertThat(codePage.body()).contains("action=\"/oidc/signin/code\"");
        Page consent = browser.post(
                "/oidc/signin/code", Map.of("csrf", codePage.csrf(), "code", bed.lastCodeSentTo(who.phone())));
        assertThat(consent.body()).as(consent.body()).contains("action=\"/oidc/signin/consent\"");
        return consent;
    }

    private record Resident(JsonObject identity, String uin) {
        String phone() {
            return identity.getString("phone");
        }
    }

    /** A resident of its own per test: OTP requests are limited per identity and client. */
    private static Resident newResident() {
        JsonObject identity = Residents.full(residents++);
        return new Resident(identity, bed.enroll(identity));
    }

    private static AuthorizationSuccessResponse success(RelyingParty rp, Page back) throws Exception {
        AuthorizationResponse response =
                AuthorizationResponse.parse(back.location().orElseThrow());
        assertThat(response.indicatesSuccess()).as(back.location().toString()).isTrue();
        assertThat(response.getState()).isEqualTo(rp.state);
        assertThat(response.getIssuer()).isEqualTo(new Issuer(issuer));
        return response.toSuccessResponse();
    }

    private static HTTPResponse userinfo(BearerAccessToken access) throws Exception {
        return new UserInfoRequest(issuer.resolve("/oidc/userinfo"), access)
                .toHTTPRequest()
                .send();
    }

    private static OIDCTokenResponse oidcTokens(HTTPResponse response) throws Exception {
        return (OIDCTokenResponse) OIDCTokenResponseParser.parse(response).toSuccessResponse();
    }

    private static ErrorObject error(HTTPResponse response) throws Exception {
        return TokenErrorResponse.parse(response).getErrorObject();
    }
}
