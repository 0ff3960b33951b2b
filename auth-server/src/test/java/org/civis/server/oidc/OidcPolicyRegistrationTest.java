package org.civis.server.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.civis.server.HttpClientForTests.Reply;
import org.civis.server.partnerapi.AuthTestbed;
import org.civis.server.partnerapi.TestPartner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A partner's {@code oidc} policy member through the admin API: kept as given, refused at its paths. */
class OidcPolicyRegistrationTest {
    private static AuthTestbed bed;

    @BeforeAll
    static void start() {
        bed = new AuthTestbed(Map.of());
    }

    @AfterAll
    static void stop() {
        bed.close();
    }

    @Test
    void aPartnerRegisteredWithAnOidcMemberShowsItWithItsDefaults() {
        JsonObject policy = AuthTestbed.policy("OTP")
                .put("kycAttributes", new JsonArray().add("fullName"))
                .put("oidc", oidc("https://rp.example/cb", "http://127.0.0.1:8080/cb"));

        bed.register("oidc-bank", policy);
        JsonObject shown = bed.admin.get("/v1/partners/oidc-bank").json().getJsonObject("policy");

        assertThat(shown.getJsonObject("oidc"))
                .isEqualTo(new JsonObject()
                        .put(
                                "redirectUris",
                                new JsonArray().add("https://rp.example/cb").add("http://127.0.0.1:8080/cb"))
                        .put("requirePushedAuthorizationRequests", false)
                        .put("idTokenSignedResponseAlg", "RS256")
                        .put("userinfoResponse", "json"));
    }

    @Test
    void anOpenIdClientNeedsNoEncryptionKeyForItsClaimsButAPartnerAskingEkycDoes() {
        JsonObject kyc = AuthTestbed.policy("OTP").put("kycAttributes", new JsonArray().add("fullName"));
        JsonObject withoutKey = TestPartner.create("userinfo-only", false)
                .registration(kyc.copy().put("oidc", oidc("https://rp.example/cb")));
        withoutKey.remove("encryptionKey");
        JsonObject ekycWithoutKey = TestPartner.create("ekyc-no-key", false).registration(kyc.copy());
        ekycWithoutKey.remove("encryptionKey");

        Reply client = bed.admin.post("/v1/partners", withoutKey);
        Reply ekyc = bed.admin.post("/v1/partners", ekycWithoutKey);

        assertThat(client.status()).as(client.body()).isEqualTo(201);
        assertThat(ekyc.status()).isEqualTo(400);
        assertThat(ekyc.errorCode()).isEqualTo("PARTNER_POLICY_INVALID");
    }

    @Test
    void aPolicyWithoutOidcShowsNone() {
        bed.register("plain-bank", AuthTestbed.policy("OTP"));

        assertThat(bed.admin
                        .get("/v1/partners/plain-bank")
                        .json()
                        .getJsonObject("policy")
                        .containsKey("oidc"))
                .isFalse();
    }

    @Test
    void aFragmentANonLoopbackHttpUriAndAnUnknownAlgAreEachRefusedAtTheirPath() {
        JsonObject oidc = oidc("https://rp.example/cb#frag", "http://rp.example/cb", "https://rp.example/ok")
                .put("idTokenSignedResponseAlg", "HS256")
                .put("userinfoResponse", "xml");

        Reply reply = register("bad-bank", AuthTestbed.policy("OTP").put("oidc", oidc));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("PARTNER_POLICY_INVALID");
        assertThat(violations(reply))
                .containsExactlyInAnyOrder(
                        "/policy/oidc/redirectUris/0 FIELD_VALUE_NOT_ALLOWED",
                        "/policy/oidc/redirectUris/1 FIELD_VALUE_NOT_ALLOWED",
                        "/policy/oidc/idTokenSignedResponseAlg FIELD_VALUE_NOT_ALLOWED",
                        "/policy/oidc/userinfoResponse FIELD_VALUE_NOT_ALLOWED");
    }

    @Test
    void noRedirectUriOrAnUnknownMemberIsRefused() {
        JsonObject oidc = new JsonObject().put("redirectUris", new JsonArray()).put("clientSecret", "x");

        Reply reply = register("empty-bank", AuthTestbed.policy("OTP").put("oidc", oidc));

        assertThat(violations(reply))
                .containsExactlyInAnyOrder(
                        "/policy/oidc FIELD_UNKNOWN", "/policy/oidc/redirectUris FIELD_VALUE_NOT_ALLOWED");
    }

    @Test
    void aPolicyUpdateCanAddAndRemoveOidc() {
        bed.register("changing-bank", AuthTestbed.policy("OTP"));
        JsonObject with = AuthTestbed.policy("OTP").put("oidc", oidc("https://rp.example/cb"));

        Reply added = bed.admin.send(
                "PUT",
                "/v1/partners/changing-bank/policy",
                new JsonObject().put("policy", with).encode(),
                "application/json",
                Map.of());
        Reply removed = bed.admin.send(
                "PUT",
                "/v1/partners/changing-bank/policy",
                new JsonObject().put("policy", AuthTestbed.policy("OTP")).encode(),
                "application/json",
                Map.of());

        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.json().getJsonObject("policy").containsKey("oidc")).isTrue();
        assertThat(removed.json().getJsonObject("policy").containsKey("oidc")).isFalse();
    }

    private static JsonObject oidc(String... redirectUris) {
        return new JsonObject().put("redirectUris", new JsonArray(List.of((Object[]) redirectUris)));
    }

    private static Reply register(String id, JsonObject policy) {
        return bed.admin.post("/v1/partners", TestPartner.create(id, false).registration(policy));
    }

    private static List<String> violations(Reply reply) {
        return reply.json().getJsonObject("error").getJsonArray("violations").stream()
                .map(v -> ((JsonObject) v).getString("path") + " " + ((JsonObject) v).getString("code"))
                .toList();
    }
}
