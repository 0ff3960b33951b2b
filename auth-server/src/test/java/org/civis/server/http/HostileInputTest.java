package org.civis.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.civis.core.registry.Residents;
import org.civis.server.HttpClientForTests;
import org.civis.server.HttpClientForTests.Reply;
import org.civis.server.partnerapi.AuthTestbed;
import org.civis.server.partnerapi.TestPartner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Input a security probe sends to both listeners of a running server: malformed percent-escapes,
 * control characters inside JSON strings, look-alike content types, unknown policy members. Each
 * is refused with a 4xx and a stable code, and nothing is written.
 */
class HostileInputTest {
    /** Stands in for a JSON escape in a body built as text, so the test controls the exact bytes. */
    private static final String HOLE = "HOLE-FOR-AN-ESCAPE";

    private static AuthTestbed bed;
    private static TestPartner bank;
    private static String uin;

    @BeforeAll
    static void start() {
        bed = new AuthTestbed(Map.of());
        bank = bed.register("probe-bank", AuthTestbed.policy("DEMO", "OTP"));
        uin = bed.enroll(Residents.full(31));
    }

    @AfterAll
    static void stop() {
        bed.close();
    }

    @Test
    void aMalformedPercentEscapeInThePathOrQueryIsRefusedOnBothListeners() {
        List<String> targets = List.of(
                "/v1/anything/%ZZ",
                "/v1/anything/%",
                "/v1/anything/%4",
                "/v1/identities/%ZZ",
                "/v1/identities/%ZZ/vids",
                "/v1/partners/%G1",
                "/v1/resident/me/vids/%ZZ/revoke",
                "/health/live%ZZ",
                "/v1/identities/%00",
                "/v1/partners/probe-bank/signing-keys/%C3%28",
                "/v1/identities/" + uin + "?version=%ZZ");
        for (HttpClientForTests listener : List.of(bed.admin, bed.publicApi)) {
            for (String target : targets) {
                for (String method : List.of("GET", "POST", "DELETE")) {
                    Reply reply = listener.sendRawTarget(method, target);
                    assertThat(reply.status()).as(method + " " + target).isEqualTo(400);
                    assertThat(reply.errorCode()).as(method + " " + target).isEqualTo("PATH_MALFORMED");
                }
            }
        }
        // Well-formed escapes of ordinary text still reach their route.
        assertThat(bed.admin.sendRawTarget("GET", "/v1/identities/%41%42").errorCode())
                .isEqualTo("UIN_INVALID");
        assertThat(bed.admin.sendRawTarget("GET", "/v1/partners/probe%2Dbank").status())
                .isEqualTo(200);
    }

    @Test
    void aNulInAPartnerNameIsRefusedAsMalformedJsonAndNothingIsStored() {
        String body = TestPartner.create("nul-bank", false)
                .registration(AuthTestbed.policy("DEMO"))
                .put("name", "Bank" + HOLE + "of NUL")
                .encode()
                .replace(HOLE, "\\u0000");

        Reply reply = bed.admin.post("/v1/partners", body, "application/json");

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("MALFORMED_JSON");
        assertThat(bed.admin.get("/v1/partners/nul-bank").errorCode()).isEqualTo("PARTNER_NOT_FOUND");
    }

    @Test
    void controlCharactersAndLoneSurrogatesAreRefusedInEveryStringButTabAndLineBreaksAreText() {
        for (String escape : List.of("\\u0000", "\\u001b", "\\u0007", "\\u007f", "\\ud800", "\\udc00x")) {
            String body = TestPartner.create("ctl-bank", false)
                    .registration(AuthTestbed.policy("DEMO"))
                    .put("name", "Bank " + HOLE)
                    .encode()
                    .replace(HOLE, escape);
            Reply reply = bed.admin.post("/v1/partners", body, "application/json");
            assertThat(reply.status()).as(escape).isEqualTo(400);
            assertThat(reply.errorCode()).as(escape).isEqualTo("MALFORMED_JSON");
        }
        // In a member name, and deep inside the policy, too.
        String key = "{\"partnerId\": \"ctl-bank\", \"na\\u0000me\": \"x\"}";
        assertThat(bed.admin.post("/v1/partners", key, "application/json").errorCode())
                .isEqualTo("MALFORMED_JSON");
        String deep = TestPartner.create("ctl-bank", false)
                .registration(AuthTestbed.policy("DEMO").put("kycAttributes", new JsonArray().add(HOLE)))
                .encode()
                .replace(HOLE, "phone\\u0000");
        assertThat(bed.admin.post("/v1/partners", deep, "application/json").errorCode())
                .isEqualTo("MALFORMED_JSON");
        assertThat(bed.admin.get("/v1/partners/ctl-bank").errorCode()).isEqualTo("PARTNER_NOT_FOUND");

        TestPartner multiLine = TestPartner.create("tab-bank", false);
        Reply accepted = bed.admin.post(
                "/v1/partners",
                multiLine.registration(AuthTestbed.policy("DEMO")).put("name", "Tab\tBank\r\nSecond line"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
    }

    @Test
    void aNulInAnEnrolledIdentityIsRefusedBeforeAnythingIsWritten() {
        String body = new JsonObject()
                .put("registrationId", "nul-enrollment")
                .put("identity", Residents.full(32).put("address", new JsonObject().put("eng", "12 Main St" + HOLE)))
                .encode()
                .replace(HOLE, "\\u0000");

        Reply reply = bed.admin.post("/v1/enrollments", body, "application/json");

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("MALFORMED_JSON");
        assertThat(bed.admin.get("/v1/enrollments/nul-enrollment").errorCode()).isEqualTo("ENROLLMENT_NOT_FOUND");
    }

    @Test
    void aNulInAResidentOrPartnerRequestIsRefused() {
        String resident = new JsonObject()
                .put("individualId", uin)
                .put("individualIdType", "UIN")
                .put("transactionId", "resident-nul-1")
                .put("channels", new JsonArray().add(HOLE))
                .encode()
                .replace(HOLE, "PHONE\\u0000");
        Reply residentReply = bed.publicApi.post("/v1/resident/otp", resident, "application/json");
        assertThat(residentReply.status()).as(residentReply.body()).isEqualTo(400);
        assertThat(residentReply.errorCode()).isEqualTo("MALFORMED_JSON");

        JsonObject nulName = new JsonObject()
                .put(
                        "demographics",
                        new JsonObject().put("fullName", new JsonObject().put("eng", "Wanjiru\u0000Kamau")));
        Reply partnerReply = bed.call(bank, "/v1/auth", bed.request(uin, nulName));
        assertThat(partnerReply.status()).isEqualTo(400);
        assertThat(bed.errors(partnerReply)).containsExactly("REQUEST_MALFORMED");
    }

    @Test
    void aJsonBodyMustBeSentAsExactlyApplicationJson() {
        TestPartner partner = TestPartner.create("media-bank", false);
        String body = partner.registration(AuthTestbed.policy("DEMO")).encode();
        for (String lookAlike :
                List.of("application/jsonx", "application/json-seq", "application/json+x", "application/jsonp; a=b")) {
            Reply reply = bed.admin.post("/v1/partners", body, lookAlike);
            assertThat(reply.status()).as(lookAlike).isEqualTo(415);
            assertThat(reply.errorCode()).as(lookAlike).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        }
        assertThat(bed.admin.get("/v1/partners/media-bank").errorCode()).isEqualTo("PARTNER_NOT_FOUND");
        Reply resident = bed.publicApi.post("/v1/resident/otp", "{}", "application/jsonx");
        assertThat(resident.errorCode()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");

        Reply accepted = bed.admin.post("/v1/partners", body, "Application/JSON ; charset=UTF-8");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
    }

    @Test
    void aSignedRequestMustBeSentAsExactlyApplicationJose() {
        JsonObject factors = new JsonObject()
                .put(
                        "demographics",
                        new JsonObject().put("dateOfBirth", Residents.full(31).getString("dateOfBirth")));
        for (String lookAlike : List.of("application/josex", "application/jose+json", "application/jose-x; a=b")) {
            Reply reply = bed.publicApi.send(
                    "POST",
                    "/v1/auth",
                    bank.sign(bed.request(uin, factors)),
                    lookAlike,
                    Map.of("authorization", "Bearer " + bank.apiKey));
            assertThat(reply.status()).as(lookAlike).isEqualTo(415);
            assertThat(bed.errors(reply)).as(lookAlike).containsExactly("UNSUPPORTED_MEDIA_TYPE");
        }
        Reply accepted = bed.publicApi.send(
                "POST",
                "/v1/auth",
                bank.sign(bed.request(uin, factors)),
                "APPLICATION/JOSE; charset=us-ascii",
                Map.of("authorization", "Bearer " + bank.apiKey));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(bed.answer(accepted).getBoolean("authenticated")).isTrue();
    }

    @Test
    void anUnknownMemberOfNameMatchingIsRefusedWithAViolationAndThePolicyIsUnchanged() {
        TestPartner partner = bed.register("names-bank", AuthTestbed.policy("DEMO"));
        JsonObject policy = AuthTestbed.policy("DEMO")
                .put("nameMatching", new JsonObject().put("partial", true).put("fuzzy", true));

        Reply changed = bed.admin.send(
                "PUT",
                "/v1/partners/" + partner.id + "/policy",
                new JsonObject().put("policy", policy).encode(),
                "application/json",
                Map.of());
        Reply registered = bed.admin.post(
                "/v1/partners", TestPartner.create("fuzzy-bank", false).registration(policy));

        for (Reply reply : List.of(changed, registered)) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(400);
            assertThat(reply.errorCode()).isEqualTo("PARTNER_POLICY_INVALID");
            assertThat(violations(reply)).containsExactly("/policy/nameMatching FIELD_UNKNOWN");
        }
        assertThat(bed.admin
                        .get("/v1/partners/" + partner.id)
                        .json()
                        .getJsonObject("policy")
                        .getJsonObject("nameMatching")
                        .getBoolean("partial"))
                .isFalse();
        assertThat(bed.admin.get("/v1/partners/fuzzy-bank").errorCode()).isEqualTo("PARTNER_NOT_FOUND");
    }

    private static List<String> violations(Reply reply) {
        return reply.json().getJsonObject("error").getJsonArray("violations").stream()
                .map(v -> ((JsonObject) v).getString("path") + " " + ((JsonObject) v).getString("code"))
                .toList();
    }
}
