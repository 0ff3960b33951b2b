package org.civis.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.civis.core.uin.Verhoeff;
import org.civis.server.CivisServer;
import org.civis.server.HttpClientForTests;
import org.civis.server.HttpClientForTests.Reply;
import org.civis.server.TestServers;
import org.civis.server.config.ConfigLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin API of a running server, over HTTP, with real PostgreSQL and a real Hazelcast member. */
class AdminApiTest {
    private static final int BODY_LIMIT = 64 * 1024;
    private static CivisServer server;
    private static HttpClientForTests admin;
    private static HttpClientForTests publicApi;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> env = TestServers.environment(Files.createTempDirectory("civis-admin-test"));
        env.put("CIVIS_MAX_BODY_BYTES", String.valueOf(BODY_LIMIT));
        server = CivisServer.start(ConfigLoader.load(env));
        admin = TestServers.adminClient(server);
        publicApi = new HttpClientForTests("http://127.0.0.1:" + server.config().publicPort());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void enrollingThreeResidentsReturnsThreeCheckedUins() {
        for (int i = 0; i < 3; i++) {
            Reply reply = enroll("three-" + i, resident("Nadia Haddad " + i, "1991-03-0" + (i + 1), "female"));
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().getString("status")).isEqualTo("ISSUED");
            assertThat(Verhoeff.isValid(reply.json().getString("uin"))).isTrue();
        }
    }

    @Test
    void resendingARegistrationIdReturnsTheSameUinAndTheOutcomeCanBeRead() {
        JsonObject person = resident("Tomás Ferreira", "1982-05-17", "male");
        String uin = enroll("retry-1", person).json().getString("uin");
        assertThat(enroll("retry-1", person).json().getString("uin")).isEqualTo(uin);
        Reply outcome = admin.get("/v1/enrollments/retry-1");
        assertThat(outcome.json().getString("uin")).isEqualTo(uin);
        assertThat(enroll("retry-1", resident("Someone Else", "1982-05-17", "male"))
                        .errorCode())
                .isEqualTo("REGISTRATION_ID_REUSED");
    }

    @Test
    void aNearIdenticalResidentComesBackAsASuspectedDuplicateAndCanBeAdjudicated() {
        String uin = enroll("dup-1", resident("Zoë  Ångström", "1975-12-24", "female"))
                .json()
                .getString("uin");
        Reply twin = enroll("dup-2", resident("zoe angstrom", "1975-12-24", "female"));
        assertThat(twin.json().getString("status")).isEqualTo("DUPLICATE_SUSPECTED");
        assertThat(twin.json().getJsonArray("candidates")).containsExactly(uin);

        Reply linked = admin.post(
                "/v1/enrollments/dup-2/adjudication",
                new JsonObject().put("decision", "LINK").put("existingUin", uin));
        assertThat(linked.json().getString("status")).isEqualTo("REJECTED");
        assertThat(linked.json().getString("linkedUin")).isEqualTo(uin);
        assertThat(admin.post("/v1/enrollments/dup-2/adjudication", new JsonObject().put("decision", "ISSUE"))
                        .errorCode())
                .isEqualTo("ENROLLMENT_NOT_PENDING");
    }

    @Test
    void malformedJsonIsRefusedWithAStableCode() {
        Reply reply = admin.post("/v1/enrollments", "{\"registrationId\": \"x\", ", "application/json");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("MALFORMED_JSON");
        assertThat(admin.post("/v1/enrollments", "[1, 2]", "application/json").errorCode())
                .isEqualTo("MALFORMED_JSON");
    }

    @Test
    void aBodyOverTheLimitIsRefusedAndNothingIsWritten() {
        String huge = "x".repeat(BODY_LIMIT + 1);
        JsonObject body =
                new JsonObject().put("registrationId", "too-big").put("identity", resident(huge, "1990-01-01", "male"));
        Reply reply = admin.post("/v1/enrollments", body);
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.errorCode()).isEqualTo("BODY_TOO_LARGE");
        assertThat(admin.get("/v1/enrollments/too-big").errorCode()).isEqualTo("ENROLLMENT_NOT_FOUND");
    }

    @Test
    void wrongTypesAndUnknownFieldsAreReportedWithTheirPaths() {
        JsonObject body = new JsonObject()
                .put("registrationId", 42)
                .put(
                        "identity",
                        new JsonObject()
                                .put("fullName", "not an object")
                                .put("dateOfBirth", 19900101)
                                .put("gender", "male")
                                .put("favouriteColour", "blue"))
                .put("extra", true);
        Reply reply = admin.post("/v1/enrollments", body);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(violations(reply)).containsExactlyInAnyOrder(" FIELD_UNKNOWN", "/registrationId FIELD_TYPE");

        Reply schema = enroll(
                "types-1",
                new JsonObject()
                        .put("fullName", "not an object")
                        .put("dateOfBirth", 19900101)
                        .put("gender", "male")
                        .put("favouriteColour", "blue"));
        assertThat(violations(schema))
                .contains(
                        "/identity/fullName FIELD_TYPE", "/identity/dateOfBirth FIELD_TYPE", "/identity FIELD_UNKNOWN");
        assertThat(admin.get("/v1/enrollments/types-1").errorCode()).isEqualTo("ENROLLMENT_NOT_FOUND");
    }

    @Test
    void unknownChoicesAndFreeTextReasonsAreRefusedWithTheirPaths() {
        String uin = enroll("choices-1", resident("Kwame Asante", "1980-10-10", "male"))
                .json()
                .getString("uin");
        Reply vid = admin.post("/v1/identities/" + uin + "/vids", new JsonObject().put("type", "FOREVER"));
        assertThat(violations(vid)).containsExactly("/type FIELD_VALUE_NOT_ALLOWED");
        // Free text could carry personal data into the audit log: only codes are accepted.
        Reply reason = admin.post(
                "/v1/identities/" + uin + "/deactivate", new JsonObject().put("reasonCode", "died at 12 Main St"));
        assertThat(violations(reason)).containsExactly("/reasonCode FIELD_VALUE_NOT_ALLOWED");
        assertThat(admin.get("/v1/identities/" + uin + "/status").json().getString("status"))
                .isEqualTo("ACTIVE");
    }

    @Test
    void aUinWithABadCheckDigitIsRefusedBeforeAnyLookup() {
        String body = "234567890";
        String good = body + Verhoeff.checkDigit(body);
        String bad = body + ((Verhoeff.checkDigit(body) + 1) % 10);
        assertThat(admin.get("/v1/identities/" + bad).errorCode()).isEqualTo("UIN_INVALID");
        assertThat(admin.get("/v1/identities/" + good).errorCode()).isEqualTo("IDENTITY_NOT_FOUND");
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedAsUnsupported() {
        Reply reply = admin.post("/v1/enrollments", "registrationId=x", "application/x-www-form-urlencoded");
        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.errorCode()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void theLifecycleVidsAndLocksWorkOverHttp() {
        String uin = enroll("life-1", resident("Ravi Shankar Iyer", "1969-08-15", "male"))
                .json()
                .getString("uin");
        Reply updated = admin.patch(
                "/v1/identities/" + uin,
                new JsonObject().put("identity", new JsonObject().put("phone", "+919812345678")));
        assertThat(updated.json().getInteger("version")).isEqualTo(2);
        Reply read = admin.get("/v1/identities/" + uin);
        assertThat(read.json().getJsonObject("identity").getString("phone")).isEqualTo("+919812345678");
        assertThat(admin.get("/v1/identities/" + uin + "?version=1")
                        .json()
                        .getJsonObject("identity")
                        .containsKey("phone"))
                .isFalse();

        Reply vid = admin.post(
                "/v1/identities/" + uin + "/vids",
                new JsonObject()
                        .put("type", "TEMPORARY")
                        .put("validitySeconds", 600)
                        .put("maxUses", 3));
        String vidNumber = vid.json().getString("vid");
        assertThat(vid.json().getString("status")).isEqualTo("ACTIVE");
        assertThat(admin.post("/v1/vids/" + vidNumber + "/revoke", "", null)
                        .json()
                        .getString("status"))
                .isEqualTo("REVOKED");

        Reply locked = admin.post(
                "/v1/identities/" + uin + "/locks",
                new JsonObject()
                        .put("authTypes", new JsonArray().add("bio").add("otp"))
                        .put("locked", true));
        assertThat(locked.json().getJsonObject("authTypes").getJsonObject("bio").getBoolean("lockedNow"))
                .isTrue();
        assertThat(locked.json()
                        .getJsonObject("authTypes")
                        .getJsonObject("demo")
                        .getBoolean("lockedNow"))
                .isFalse();

        assertThat(admin.post("/v1/identities/" + uin + "/deactivate", new JsonObject().put("reasonCode", "DECEASED"))
                        .json()
                        .getString("status"))
                .isEqualTo("DEACTIVATED");
        assertThat(admin.get("/v1/identities/" + uin + "/status").json().getString("status"))
                .isEqualTo("DEACTIVATED");
        assertThat(admin.post("/v1/identities/" + uin + "/revoke", "", null)
                        .json()
                        .getString("status"))
                .isEqualTo("REVOKED");
        assertThat(admin.post("/v1/identities/" + uin + "/reactivate", "", null).errorCode())
                .isEqualTo("IDENTITY_STATE_CONFLICT");
        assertThat(admin.get("/v1/audit/verify").json().getBoolean("intact")).isTrue();
    }

    @Test
    void healthAnswersOnBothListenersAndReadinessNamesItsParts() {
        for (HttpClientForTests api : List.of(admin, publicApi)) {
            assertThat(api.get("/health/live").status()).isEqualTo(200);
            Reply ready = api.get("/health/ready");
            assertThat(ready.status()).isEqualTo(200);
            JsonObject parts = ready.json();
            assertThat(parts.getString("status")).isEqualTo("UP");
            assertThat(parts.getString("postgres")).isEqualTo("UP");
            assertThat(parts.getString("hazelcast")).isEqualTo("UP");
            // Readiness does not wait for the auth cache; it says how far it is.
            assertThat(parts.getJsonObject("authCache").fieldNames()).containsExactlyInAnyOrder("warm", "viewsStored");
        }
    }

    @Test
    void theAdminApiIsNotServedOnThePublicPort() {
        Reply reply = publicApi.post(
                "/v1/enrollments",
                new JsonObject()
                        .put("registrationId", "public-1")
                        .put("identity", resident("Public Person", "1990-01-01", "male")));
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(admin.get("/v1/enrollments/public-1").errorCode()).isEqualTo("ENROLLMENT_NOT_FOUND");
    }

    @Test
    void theSchemaInForceIsPublished() {
        JsonObject schema = admin.get("/v1/schema").json();
        assertThat(schema.getJsonObject("fields").fieldNames()).contains("fullName", "dateOfBirth", "gender");
    }

    private static Reply enroll(String registrationId, JsonObject identity) {
        return admin.post(
                "/v1/enrollments",
                new JsonObject().put("registrationId", registrationId).put("identity", identity));
    }

    private static JsonObject resident(String name, String dateOfBirth, String gender) {
        return new JsonObject()
                .put("fullName", new JsonObject().put("eng", name))
                .put("dateOfBirth", dateOfBirth)
                .put("gender", gender);
    }

    private static List<String> violations(Reply reply) {
        return reply.json().getJsonObject("error").getJsonArray("violations").stream()
                .map(v -> ((JsonObject) v).getString("path") + " " + ((JsonObject) v).getString("code"))
                .toList();
    }
}
