package org.civis.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civis.core.registry.Residents;
import org.civis.server.HttpClientForTests.Reply;
import org.civis.server.partnerapi.AuthTestbed;
import org.civis.server.partnerapi.TestPartner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README promises that error answers never repeat submitted values. A recognisable marker is
 * sent as every kind of wrong value, unknown member, unknown language, path segment and header, on
 * the admin, resident and partner APIs; no answer (signed answers opened) may contain it.
 */
class NoEchoTest {
    private static final String MARKER = "Qx7Echo";
    private static final JsonObject PERSON = Residents.full(41);

    private static AuthTestbed bed;
    private static TestPartner bank;
    private static String uin;

    @BeforeAll
    static void start() {
        bed = new AuthTestbed(Map.of());
        bank = bed.register(
                TestPartner.create("echo-bank", false),
                AuthTestbed.policy("DEMO", "OTP", "BIO").put("kycAttributes", new JsonArray().add("phone")));
        uin = bed.enroll(PERSON);
    }

    @AfterAll
    static void stop() {
        bed.close();
    }

    @Test
    void theAdminApiNeverRepeatsAMarkerSentAsAWrongValueOrUnknownMember() {
        List<Answer> answers = new ArrayList<>();
        JsonObject marked = new JsonObject().put(MARKER, MARKER);
        answers.add(adminPost("/v1/enrollments", enrollment(PERSON.copy()).put(MARKER, 1)));
        answers.add(adminPost("/v1/enrollments", enrollment(PERSON.copy().put(MARKER, MARKER))));
        answers.add(adminPost(
                "/v1/enrollments",
                enrollment(PERSON.copy()
                        .put("fullName", new JsonObject().put("eng", "A").put(MARKER, MARKER)))));
        answers.add(adminPost(
                "/v1/enrollments",
                enrollment(PERSON.copy()
                        .put("gender", MARKER)
                        .put("dateOfBirth", MARKER)
                        .put("phone", MARKER)
                        .put("email", MARKER)
                        .put("photo", marked.copy().put("format", MARKER).put("data", MARKER))
                        .put(
                                "fingerprints",
                                new JsonArray()
                                        .add(marked.copy()
                                                .put("position", MARKER)
                                                .put("format", MARKER)
                                                .put("data", MARKER)
                                                .put("dpi", MARKER))))));
        answers.add(adminPost(
                "/v1/enrollments",
                new JsonObject().put("registrationId", MARKER + "!").put("identity", PERSON)));
        answers.add(adminPost(
                "/v1/enrollments/reg-echo/adjudication",
                marked.copy().put("decision", MARKER).put("existingUin", MARKER).put("reasonCode", MARKER)));
        answers.add(answer(
                "PATCH /v1/identities",
                bed.admin.patch("/v1/identities/" + uin, marked.copy().put("identity", marked))));
        answers.add(adminPost(
                "/v1/identities/" + uin + "/vids",
                marked.copy().put("type", MARKER).put("validitySeconds", MARKER).put("maxUses", MARKER)));
        answers.add(adminPost(
                "/v1/identities/" + uin + "/locks",
                marked.copy().put("authTypes", new JsonArray().add(MARKER)).put("locked", MARKER)));
        answers.add(
                adminPost("/v1/identities/" + uin + "/deactivate", marked.copy().put("reasonCode", MARKER)));
        answers.add(adminPost(
                "/v1/identities/" + uin + "/credentials", marked.copy().put("alg", MARKER)));
        answers.add(adminPost("/v1/issuer/keys/rotate", new JsonObject().put("alg", MARKER)));

        JsonObject policy = new JsonObject()
                .put("authTypes", new JsonArray().add(MARKER))
                .put("kycAttributes", new JsonArray().add(MARKER))
                .put("nameMatching", marked.copy().put("partial", MARKER).put("minScore", MARKER))
                .put("requestsPerSecond", MARKER)
                .put(MARKER, MARKER);
        TestPartner stranger = TestPartner.create("echo-stranger", false);
        answers.add(adminPost("/v1/partners", stranger.registration(policy).put(MARKER, 1)));
        answers.add(adminPost("/v1/partners", stranger.registration(policy)));
        answers.add(adminPost(
                "/v1/partners",
                stranger.registration(AuthTestbed.policy("DEMO").put("kycAttributes", new JsonArray().add(MARKER)))));
        answers.add(adminPost(
                "/v1/partners",
                stranger.registration(AuthTestbed.policy("DEMO"))
                        .put("signingKeys", new JsonArray().add(marked.copy().put("kty", MARKER)))));
        answers.add(adminPost(
                "/v1/partners",
                stranger.registration(AuthTestbed.policy("DEMO"))
                        .put("encryptionKey", marked.copy().put("kty", MARKER).put("crv", MARKER))));
        answers.add(adminPost(
                "/v1/partners",
                stranger.registration(AuthTestbed.policy("DEMO")).put("partnerId", MARKER)));
        answers.add(answer(
                "PUT policy",
                bed.admin.send(
                        "PUT",
                        "/v1/partners/echo-bank/policy",
                        marked.copy().put("policy", policy).encode(),
                        "application/json",
                        Map.of())));
        answers.add(adminPost(
                "/v1/partners/echo-bank/signing-keys",
                marked.copy().put("jwk", marked.copy().put("kty", "OKP").put("crv", MARKER))));

        for (String path : List.of(
                "/v1/identities/" + MARKER,
                "/v1/identities/" + uin + "?version=" + MARKER,
                "/v1/vids/" + MARKER,
                "/v1/enrollments/" + MARKER,
                "/v1/partners/" + MARKER,
                "/v1/" + MARKER,
                "/v1/identities/%" + MARKER)) {
            answers.add(answer("GET " + path, bed.admin.sendRawTarget("GET", path)));
        }
        answers.add(answer(
                "DELETE kid",
                bed.admin.send("DELETE", "/v1/partners/echo-bank/signing-keys/" + MARKER, null, null, Map.of())));
        answers.add(answer(
                "operator header",
                bed.admin.send(
                        "POST",
                        "/v1/enrollments",
                        enrollment(PERSON).encode(),
                        "application/json",
                        Map.of("X-Civis-Operator", MARKER + "!"))));

        assertNoEcho(answers);
    }

    @Test
    void theResidentApiNeverRepeatsAMarker() {
        List<Answer> answers = new ArrayList<>();
        answers.add(residentPost(
                "/v1/resident/otp",
                new JsonObject()
                        .put("individualId", MARKER)
                        .put("individualIdType", MARKER)
                        .put("transactionId", MARKER + "!")
                        .put("channels", new JsonArray().add(MARKER))
                        .put(MARKER, MARKER)));
        answers.add(residentPost(
                "/v1/resident/otp",
                new JsonObject()
                        .put("individualId", uin)
                        .put("individualIdType", MARKER)
                        .put("transactionId", "echo-otp-1")
                        .put("channels", new JsonArray().add(MARKER))));
        answers.add(residentPost(
                "/v1/resident/session",
                new JsonObject()
                        .put("individualId", uin)
                        .put("transactionId", "echo-otp-1")
                        .put("otp", MARKER)
                        .put(MARKER, 1)));

        Map<String, String> bearer = Map.of("authorization", "Bearer " + signIn());
        answers.add(answer(
                "me/locks",
                bed.publicApi.send(
                        "POST",
                        "/v1/resident/me/locks",
                        new JsonObject()
                                .put("authTypes", new JsonArray().add(MARKER))
                                .put("locked", MARKER)
                                .put(MARKER, 1)
                                .encode(),
                        "application/json",
                        bearer)));
        answers.add(answer(
                "me/vids",
                bed.publicApi.send(
                        "POST",
                        "/v1/resident/me/vids",
                        new JsonObject().put("type", MARKER).put(MARKER, 1).encode(),
                        "application/json",
                        bearer)));
        answers.add(answer(
                "me/vids revoke",
                bed.publicApi.send("POST", "/v1/resident/me/vids/" + MARKER + "/revoke", null, null, bearer)));
        answers.add(answer("GET public path", bed.publicApi.sendRawTarget("GET", "/v1/resident/me/" + MARKER + "%ZZ")));

        assertNoEcho(answers);
    }

    @Test
    void thePartnerApiNeverRepeatsAMarkerInItsSignedAnswers() {
        List<Answer> answers = new ArrayList<>();
        JsonObject marked = new JsonObject().put(MARKER, MARKER);
        JsonObject birthDate = new JsonObject().put("dateOfBirth", PERSON.getString("dateOfBirth"));
        List<JsonObject> factors = List.of(
                marked,
                new JsonObject().put("demographics", marked),
                new JsonObject().put("demographics", birthDate.copy().put(MARKER, MARKER)),
                new JsonObject()
                        .put("demographics", birthDate)
                        .put("nameMatching", marked.copy().put("strategy", MARKER)),
                new JsonObject().put("demographics", birthDate).put("nameMatching", marked),
                new JsonObject().put("biometrics", new JsonObject().put(MARKER, new JsonArray())),
                new JsonObject()
                        .put(
                                "biometrics",
                                new JsonObject()
                                        .put(
                                                "fingerprints",
                                                new JsonArray()
                                                        .add(marked.copy()
                                                                .put("position", MARKER)
                                                                .put("format", MARKER)
                                                                .put("data", MARKER)))),
                new JsonObject().put("otp", MARKER));
        for (JsonObject factor : factors) {
            answers.add(answer("auth " + factor.fieldNames(), bed.call(bank, "/v1/auth", bed.request(uin, factor))));
        }
        answers.add(answer(
                "auth id",
                bed.call(
                        bank,
                        "/v1/auth",
                        bed.request(MARKER, new JsonObject().put("demographics", birthDate))
                                .put("individualIdType", MARKER)
                                .put(MARKER, MARKER))));
        answers.add(answer(
                "auth transaction",
                bed.call(
                        bank,
                        "/v1/auth",
                        bed.request(uin, new JsonObject().put("demographics", birthDate))
                                .put("transactionId", MARKER + "!")
                                .put("requestTime", MARKER))));
        answers.add(answer(
                "kyc attributes",
                bed.call(
                        bank,
                        "/v1/kyc",
                        bed.request(uin, new JsonObject().put("demographics", birthDate))
                                .put("consent", true)
                                .put("kycAttributes", new JsonArray().add(MARKER)))));
        JsonObject otp = bed.request(uin, new JsonObject()).put("channels", new JsonArray().add(MARKER));
        otp.remove("factors");
        answers.add(answer("otp channels", bed.call(bank, "/v1/otp", otp)));

        assertNoEcho(answers);
    }

    private static String signIn() {
        Reply sent = bed.publicApi.post(
                "/v1/resident/otp",
                new JsonObject()
                        .put("individualId", uin)
                        .put("transactionId", "echo-signin")
                        .put("channels", new JsonArray().add("EMAIL")));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        Reply session = bed.publicApi.post(
                "/v1/resident/session",
                new JsonObject()
                        .put("individualId", uin)
                        .put("transactionId", "echo-signin")
                        .put("otp", bed.lastCodeSentTo(PERSON.getString("email"))));
        assertThat(session.status()).as(session.body()).isEqualTo(200);
        return session.json().getString("sessionToken");
    }

    private static JsonObject enrollment(JsonObject identity) {
        return new JsonObject().put("registrationId", "reg-echo").put("identity", identity);
    }

    private static Answer adminPost(String path, JsonObject body) {
        return answer("POST " + path + " " + body.fieldNames(), bed.admin.post(path, body));
    }

    private static Answer residentPost(String path, JsonObject body) {
        return answer("POST " + path, bed.publicApi.post(path, body));
    }

    private static Answer answer(String what, Reply reply) {
        return new Answer(what, reply);
    }

    /** Every answer is a refusal (4xx, or a signed 200 with errors), and none contains the marker. */
    private static void assertNoEcho(List<Answer> answers) {
        List<String> offenders = new ArrayList<>();
        for (Answer answer : answers) {
            Reply reply = answer.reply();
            String text = readable(reply);
            if (reply.status() >= 500 || text.toLowerCase(Locale.ROOT).contains(MARKER.toLowerCase(Locale.ROOT))) {
                offenders.add(answer.what() + " -> " + reply.status() + " " + text);
            }
        }
        assertThat(offenders).as("answers that failed or repeated the marker").isEmpty();
    }

    /** The body, with a signed answer's payload opened (its base64url would hide the marker). */
    private static String readable(Reply reply) {
        if (reply.contentType() != null && reply.contentType().startsWith("application/jose")) {
            String[] parts = reply.body().split("\\.");
            return reply.body() + new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        }
        return reply.body();
    }

    private record Answer(String what, Reply reply) {}
}
