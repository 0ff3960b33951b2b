package org.civis.server.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.civis.core.registry.Residents;
import org.civis.server.TestServers;
import org.civis.server.oidc.Browser.Page;
import org.civis.server.partnerapi.AuthTestbed;
import org.civis.server.partnerapi.TestPartner;
import org.junit.jupiter.api.Test;

/**
 * One sign-in spread over two nodes of a cluster (one issuer, one database, one set of keys): the
 * sign-in, the code, the spent mark and the tokens live in Hazelcast, so any node continues what
 * another began, and a code replayed on one node revokes the tokens the other issued.
 */
class OidcAcrossTheClusterTest {
    @Test
    void aSignInBegunOnOneNodeEndsOnTheOtherAndAReplayThereRevokesItsTokens() throws Exception {
        Map<String, String> shared =
                new HashMap<>(TestServers.environment(Files.createTempDirectory("civis-oidc-cluster")));
        int firstHz = TestServers.freePort();
        int secondHz = TestServers.freePort();
        String members = "127.0.0.1:" + firstHz + ",127.0.0.1:" + secondHz;
        URI issuer = URI.create("http://127.0.0.1:" + shared.get("CIVIS_PUBLIC_PORT"));
        shared.put("CIVIS_PUBLIC_BASE_URL", issuer.toString());
        shared.put("CIVIS_HZ_MEMBERS", members);
        Map<String, String> second = new HashMap<>(shared);
        second.put("CIVIS_PUBLIC_PORT", String.valueOf(TestServers.freePort()));
        second.put("CIVIS_ADMIN_PORT", String.valueOf(TestServers.freePort()));
        try (AuthTestbed one = new AuthTestbed(shared, Map.of("CIVIS_HZ_PORT", String.valueOf(firstHz)));
                AuthTestbed two = new AuthTestbed(second, Map.of("CIVIS_HZ_PORT", String.valueOf(secondHz)))) {
            for (AuthTestbed node : new AuthTestbed[] {one, two}) {
                node.clock.advance(Duration.between(node.clock.instant(), Instant.now()));
            }
            URI otherNode = URI.create("http://127.0.0.1:" + two.server.config().publicPort());
            TestPartner bank = one.register(
                    TestPartner.create("cluster-bank", true), RelyingParty.policy(false, "fullName", "email"));
            JsonObject person = Residents.full(7);
            String uin = one.enroll(person);
            RelyingParty rp = new RelyingParty(bank, issuer, one.clock);

            Browser onOne = new Browser(issuer);
            Page identify = onOne.get(rp.request("openid email").build().toURI());
            Browser onTwo = new Browser(otherNode);
            onTwo.adopt(onOne);
            Page codePage = onTwo.post("/oidc/signin/identify", Map.of("csrf", identify.csrf(), "individualId", uin));
            Page consent = onTwo.post(
                    "/oidc/signin/code",
                    Map.of("csrf", codePage.csrf(), "code", one.lastCodeSentTo(person.getString("phone"))));
            Page back = onTwo.post("/oidc/signin/consent", Map.of("csrf", consent.csrf(), "decision", "allow"));
            AuthorizationCode code = AuthorizationResponse.parse(back.location().orElseThrow())
                    .toSuccessResponse()
                    .getAuthorizationCode();
            RelyingParty viaTwo = new RelyingParty(bank, otherNode, one.clock);
            HTTPResponse tokens = rp.redeem(code, rp.verifier, rp.assertion());
            BearerAccessToken access = ((OIDCTokenResponse)
                            OIDCTokenResponseParser.parse(tokens).toSuccessResponse())
                    .getOIDCTokens()
                    .getBearerAccessToken();
            int beforeOnTwo = new UserInfoRequest(otherNode.resolve("/oidc/userinfo"), access)
                    .toHTTPRequest()
                    .send()
                    .getStatusCode();
            HTTPResponse replayOnTwo = viaTwo.redeem(code, rp.verifier, rp.assertion());
            int afterOnOne = new UserInfoRequest(issuer.resolve("/oidc/userinfo"), access)
                    .toHTTPRequest()
                    .send()
                    .getStatusCode();

            assertThat(tokens.getStatusCode()).as(tokens.getBody()).isEqualTo(200);
            assertThat(beforeOnTwo).isEqualTo(200);
            assertThat(TokenErrorResponse.parse(replayOnTwo).getErrorObject().getCode())
                    .isEqualTo("invalid_grant");
            assertThat(afterOnOne).isEqualTo(401);
        }
    }
}
