package org.civis.server.partnerapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.civis.core.registry.RegistryFixture;
import org.civis.core.registry.Residents;
import org.civis.issuer.samples.SampleHolders;
import org.civis.issuer.samples.SyntheticPortrait;
import org.civis.server.HttpClientForTests;
import org.civis.server.HttpClientForTests.Reply;
import org.civis.server.admin.AdminApi;
import org.civis.server.http.BodyBudget;
import org.civis.server.http.BodyLimits;
import org.civis.server.http.Health;
import org.civis.server.metrics.NodeMetrics;
import org.civis.server.operator.TestOperators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Real responses of a running server conform to the served OpenAPI document, every documented
 * operation is exercised, and the routers serve exactly the documented operations.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiConformanceTest {
    /** Documented operations this test does not call, each with the reason. Keep it short. */
    private static final Map<String, String> NOT_EXERCISED = Map.of();

    private static final JsonObject PERSON = Residents.full(11);
    private static final String JSON = "application/json";
    private static final Map<String, String> NO_HEADERS = Map.of();
    private static OpenApiContract contract;
    private static AuthTestbed bed;
    private static TestPartner bank;
    private static String uin;

    @BeforeAll
    static void start() {
        contract = OpenApiContract.load();
        bed = new AuthTestbed(Map.of());
        uin = enroll("conformance-1", PERSON).getString("uin");
        bank = register(TestPartner.create("conformance-bank", false), AuthTestbed.policy("DEMO", "OTP"));
    }

    @AfterAll
    static void stop() {
        bed.close();
    }

    @Test
    @Order(1)
    void theRegistryAdminApiConforms() {
        admin("GET", "/v1/schema", "/v1/schema", null);
        for (HttpClientForTests api : new HttpClientForTests[] {bed.admin, bed.publicApi}) {
            call(api, "GET", "/health/live", "/health/live", null, NO_HEADERS);
            call(api, "GET", "/health/ready", "/health/ready", null, NO_HEADERS);
        }
        String person = enroll("conformance-2", Residents.person("Amara Conte", "1979-02-03", "female"))
                .getString("uin");
        assertThat(enroll("conformance-3", Residents.person("amara  conte", "1979-02-03", "female"))
                        .getString("status"))
                .isEqualTo("DUPLICATE_SUSPECTED");
        String enrollment = "/v1/enrollments/{registrationId}";
        admin("GET", enrollment, "/v1/enrollments/conformance-3", null);
        JsonObject ruling = new JsonObject().put("decision", "ISSUE").put("reasonCode", "NOT_A_DUPLICATE");
        String issued = admin(
                        "POST", enrollment + "/adjudication", "/v1/enrollments/conformance-3/adjudication", ruling)
                .getString("uin");

        String identity = "/v1/identities/{uin}";
        String path = "/v1/identities/" + person;
        admin("GET", identity, path + "?version=1", null);
        admin("PATCH", identity, path, new JsonObject().put("identity", new JsonObject().put("phone", "+33612345678")));
        admin("GET", identity + "/status", path + "/status", null);
        admin("POST", identity + "/deactivate", path + "/deactivate", null);
        admin("POST", identity + "/reactivate", path + "/reactivate", null);
        admin("GET", identity + "/locks", path + "/locks", null);
        admin("POST", identity + "/locks", path + "/locks", lock("bio", true));
        String vid = admin("POST", identity + "/vids", path + "/vids", temporaryVid())
                .getString("vid");
        admin("GET", identity + "/vids", path + "/vids", null);
        admin("GET", "/v1/vids/{vid}", "/v1/vids/" + vid, null);
        admin("POST", "/v1/vids/{vid}/revoke", "/v1/vids/" + vid + "/revoke", null);
        JsonObject fraud = new JsonObject().put("reasonCode", "FRAUD");
        assertThat(admin("POST", identity + "/revoke", "/v1/identities/" + issued + "/revoke", fraud)
                        .getString("status"))
                .isEqualTo("REVOKED");
        admin("GET", "/v1/audit/verify", "/v1/audit/verify", null);
    }

    @Test
    @Order(1)
    void errorsOfTheHttpLayerConform() {
        Reply malformed = bed.admin.post("/v1/enrollments", "{\"registra", JSON);
        JsonObject error = contract.check("POST", "/v1/enrollments", malformed).getJsonObject("error");
        assertThat(error.getString("code")).isEqualTo("MALFORMED_JSON");
        contract.check("POST", "/v1/enrollments", bed.admin.post("/v1/enrollments", "registrationId=x", "text/plain"));
        admin("POST", "/v1/enrollments", "/v1/enrollments", new JsonObject().put("extra", 1));
        admin("GET", "/v1/enrollments/{registrationId}", "/v1/enrollments/never-sent", null);
        admin("GET", "/v1/identities/{uin}", "/v1/identities/1234", null);
        admin("POST", "/v1/identities/{uin}/reactivate", "/v1/identities/" + uin + "/reactivate", null);
        contract.checkShared("NotFound", bed.admin.get("/v1/nothing-here"));
        contract.checkShared("NotFound", bed.publicApi.get("/v1/enrollments"));
        contract.checkShared("MethodNotAllowed", bed.admin.send("DELETE", "/v1/schema", null, null, NO_HEADERS));
        contract.checkShared("MethodNotAllowed", bed.publicApi.get("/v1/auth"));
        assertThat(contract.checkShared("PathMalformed", bed.admin.sendRawTarget("GET", "/v1/identities/%ZZ"))
                        .getJsonObject("error")
                        .getString("code"))
                .isEqualTo("PATH_MALFORMED");
        contract.checkShared("PathMalformed", bed.publicApi.sendRawTarget("POST", "/v1/resident/me/vids/%ZZ/revoke"));
    }

    @Test
    @Order(1)
    void partnerAdministrationConforms() {
        TestPartner partner = register(TestPartner.create("conformance-rotating", true), AuthTestbed.policy("DEMO"));
        String template = "/v1/partners/{partnerId}";
        String path = "/v1/partners/" + partner.id;
        admin("GET", template, path, null);
        admin("GET", template, "/v1/partners/Not_An_Id", null);
        JsonObject oidc = new JsonObject()
                .put("redirectUris", new JsonArray().add("https://rp.example/cb"))
                .put("userinfoResponse", "signed");
        admin(
                "PUT",
                template + "/policy",
                path + "/policy",
                new JsonObject().put("policy", AuthTestbed.policy("OTP").put("oidc", oidc)));
        TestPartner next = TestPartner.create("next-key", false);
        JsonObject jwk = new JsonObject(next.signingKey.toPublicJWK().toJSONString());
        admin("POST", template + "/signing-keys", path + "/signing-keys", new JsonObject().put("jwk", jwk));
        String key = template + "/signing-keys/{kid}";
        admin("DELETE", key, path + "/signing-keys/" + next.signingKey.getKeyID(), null);
        admin("DELETE", key, path + "/signing-keys/" + partner.signingKey.getKeyID(), null); // the last one: 409
        admin("POST", template + "/api-key", path + "/api-key", null);
        admin("POST", template + "/suspend", path + "/suspend", null);
        admin("POST", template + "/activate", path + "/activate", null);
        admin("POST", "/v1/partners", "/v1/partners", partner.registration(AuthTestbed.policy("DEMO"))); // 409
    }

    @Test
    @Order(1)
    void thePartnerApiConforms() {
        contract.check("GET", "/.well-known/jwks.json", bed.publicApi.get("/.well-known/jwks.json"));
        Reply document = bed.publicApi.get("/openapi.json");
        contract.check("GET", "/openapi.json", document);
        assertThat(document.body()).isEqualTo(contract.text);

        JsonObject otp = bed.request(uin, null);
        otp.remove("factors");
        assertThat(partner(bank, "/v1/otp", otp).getBoolean("sent")).isTrue();
        JsonObject right = bed.request(uin, demographics(PERSON.getString("dateOfBirth")));
        assertThat(partner(bank, "/v1/auth", right).getBoolean("authenticated")).isTrue();
        JsonObject mismatch = partner(bank, "/v1/auth", bed.request(uin, demographics("1900-01-01")));
        assertThat(firstError(mismatch)).isEqualTo("DEMO_MISMATCH");
        TestPartner impostor = TestPartner.create("conformance-bank", false);
        impostor.apiKey = bank.apiKey + "x";
        assertThat(firstError(partner(impostor, "/v1/auth", right))).isEqualTo("API_KEY_INVALID");
        contract.check("POST", "/v1/auth", bed.publicApi.post("/v1/auth", bank.sign(right), JSON));

        JsonObject consented =
                bed.request(uin, demographics(PERSON.getString("dateOfBirth"))).put("consent", true);
        assertThat(firstError(partner(bank, "/v1/kyc", consented))).isEqualTo("KYC_NOT_ALLOWED");
        TestPartner kyc = register(
                TestPartner.create("conformance-kyc", false),
                AuthTestbed.policy("DEMO").put("kycAttributes", new JsonArray().add("fullName")));
        Reply sealed = bed.call(kyc, "/v1/kyc", consented);
        JsonObject released = contract.check("POST", "/v1/kyc", sealed, kyc.encryptionKey);
        contract.checkAccepted("POST", "/v1/kyc", consented);
        assertThat(released.getJsonObject("identity").fieldNames()).containsExactly("fullName");
    }

    @Test
    @Order(1)
    void theResidentApiConforms() {
        String otp = "/v1/resident/otp";
        String session = "/v1/resident/session";
        JsonObject signIn = new JsonObject().put("individualId", uin).put("transactionId", "resident-1");
        resident("POST", otp, otp, signIn.copy().put("channels", new JsonArray().add("EMAIL")), NO_HEADERS);
        resident("POST", otp, otp, signIn.copy().put("transactionId", "not valid"), NO_HEADERS);
        resident("POST", otp, otp, signIn.copy().put("unknown", true), NO_HEADERS);
        JsonObject unrequested =
                signIn.copy().put("transactionId", "resident-2").put("otp", "123456");
        resident("POST", session, session, unrequested, NO_HEADERS);
        JsonObject withCode = signIn.copy().put("otp", bed.lastCodeSentTo(PERSON.getString("email")));
        String token = resident("POST", session, session, withCode, NO_HEADERS).getString("sessionToken");

        Map<String, String> bearer = Map.of("authorization", "Bearer " + token);
        resident("GET", "/v1/resident/me/locks", "/v1/resident/me/locks", null, NO_HEADERS);
        resident("GET", "/v1/resident/me/locks", "/v1/resident/me/locks", null, bearer);
        resident("POST", "/v1/resident/me/locks", "/v1/resident/me/locks", lock("all", false), bearer);
        String vid = resident("POST", "/v1/resident/me/vids", "/v1/resident/me/vids", temporaryVid(), bearer)
                .getString("vid");
        resident("GET", "/v1/resident/me/vids", "/v1/resident/me/vids", null, bearer);
        String revoke = "/v1/resident/me/vids/{vid}/revoke";
        resident("POST", revoke, "/v1/resident/me/vids/" + vid + "/revoke", null, bearer);
        resident("POST", revoke, "/v1/resident/me/vids/123/revoke", null, bearer);
        resident("GET", "/v1/resident/me/history", "/v1/resident/me/history", null, bearer);
    }

    @Test
    @Order(1)
    void theCredentialAndTrustRoutesConform() {
        JsonObject withPhoto = Residents.full(13).put("photo", SampleHolders.photo("jpeg", SyntheticPortrait.jpeg(13)));
        String holder = enroll("conformance-card", withPhoto).getString("uin");
        String identity = "/v1/identities/{uin}";
        String path = "/v1/identities/" + holder;
        JsonObject issued = admin("POST", identity + "/credentials", path + "/credentials", null);
        contract.check(
                "GET",
                identity + "/card.png",
                bed.admin.getBytes(path + "/card.png").asText());
        admin("POST", identity + "/credentials", "/v1/identities/1234/credentials", null); // 400
        String rotate = "/v1/issuer/keys/rotate";
        admin("POST", rotate, rotate, new JsonObject().put("alg", "ES256"));
        admin("POST", rotate, rotate, null);
        admin("POST", rotate, rotate, new JsonObject().put("alg", "RS256")); // 400

        String statusList =
                URI.create(issued.getJsonObject("status").getString("uri")).getPath();
        contract.check(
                "GET",
                "/statuslists/{listId}",
                bed.publicApi.getBytes(statusList).asText());
        contract.check("GET", "/statuslists/{listId}", bed.publicApi.get("/statuslists/99999"));
        for (String trust : new String[] {
            "/.well-known/civis/issuer-jwks.json",
            "/.well-known/civis/issuer-certificates.pem",
            "/.well-known/civis/verifier-bundle.json"
        }) {
            contract.check("GET", trust, bed.publicApi.get(trust));
        }

        admin("POST", identity + "/deactivate", path + "/deactivate", null);
        admin("POST", identity + "/credentials", path + "/credentials", null); // 409 IDENTITY_DEACTIVATED
        contract.check(
                "GET",
                identity + "/card.png",
                bed.admin.getBytes(path + "/card.png").asText()); // 409
    }

    @Test
    @Order(1)
    void aResponseThatBreaksTheDocumentFailsValidation() {
        Reply outcome = bed.admin.get("/v1/enrollments/conformance-1");
        String schema = OpenApiContract.schemaOf("GET", "/v1/enrollments/{registrationId}", 200, JSON);
        assertThat(contract.problems(schema, outcome.body())).isEmpty();
        JsonObject withoutStatus = outcome.json();
        withoutStatus.remove("status");
        assertBreaks(schema, withoutStatus);
        assertBreaks(schema, outcome.json().put("note", "x"));
        assertBreaks(schema, outcome.json().put("receivedAt", "today"));

        JsonObject answer = bed.answer(bed.call(bank, "/v1/auth", bed.request(uin, demographics("1900-01-01"))));
        String payload = "/paths/~1v1~1auth/post/responses/200/content/application~1jose/x-jws-payload";
        assertThat(contract.problems(payload, answer.encode())).isEmpty();
        assertBreaks(payload, answer.copy().put("authenticated", true));
        JsonObject unknownCode = new JsonObject().put("code", "NOPE").put("message", "");
        assertBreaks(payload, answer.copy().put("errors", new JsonArray().add(unknownCode)));

        Reply undocumentedStatus = new Reply(418, outcome.body(), JSON);
        assertThatThrownBy(() -> contract.check("GET", "/v1/schema", undocumentedStatus))
                .isInstanceOf(AssertionError.class);
        Reply wrongMediaType = new Reply(200, outcome.body(), "text/plain");
        assertThatThrownBy(() -> contract.check("GET", "/v1/schema", wrongMediaType))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    @Order(1)
    void theRoutersServeExactlyTheDocumentedOperations() {
        try (RegistryFixture registry = new RegistryFixture()) {
            Health health = new Health(
                    registry.pool,
                    () -> true,
                    io.vertx.core.json.JsonObject::new,
                    io.vertx.core.json.JsonObject::new,
                    io.vertx.core.json.JsonObject::new);
            Clock clock = Clock.systemUTC();
            BodyLimits limits = new BodyLimits(1024, 1024, 1024, java.time.Duration.ofSeconds(30));
            BodyBudget budget = new BodyBudget(limits.inFlight());
            Set<String> adminRoutes = OpenApiContract.routes(AdminApi.router(
                    registry.vertx,
                    registry.registry,
                    null,
                    null,
                    health,
                    limits,
                    budget,
                    NodeMetrics.create(false).enrollments(),
                    TestOperators.developmentAuthentication(bed.dataDir),
                    clock));
            Set<String> publicRoutes = OpenApiContract.routes(
                    PublicApi.router(registry.vertx, health, null, null, null, null, limits, budget, clock));
            assertThat(adminRoutes).isEqualTo(contract.operationsTagged(Set.of("Admin", "Health")));
            assertThat(publicRoutes)
                    .isEqualTo(contract.operationsTagged(Set.of("Partner", "Resident", "Document", "Trust", "Health")));
            Set<String> all = new TreeSet<>(adminRoutes);
            all.addAll(publicRoutes);
            assertThat(all).isEqualTo(contract.operations().keySet());
        }
    }

    @Test
    @Order(2)
    void everyDocumentedOperationIsExercised() {
        Set<String> missing = new TreeSet<>(contract.operations().keySet());
        missing.removeAll(contract.exercised());
        missing.removeAll(NOT_EXERCISED.keySet());
        assertThat(missing)
                .as("documented but neither exercised nor allowed to be skipped")
                .isEmpty();
        assertThat(contract.operations().keySet()).containsAll(NOT_EXERCISED.keySet());
        assertThat(NOT_EXERCISED.keySet()).as("exercised after all").doesNotContainAnyElementsOf(contract.exercised());
    }

    /** Sends {@code method path} (JSON body or none); checks the answer, and an accepted body against the document. */
    private static JsonObject call(
            HttpClientForTests api,
            String method,
            String template,
            String path,
            JsonObject body,
            Map<String, String> headers) {
        String text = body == null ? null : body.encode();
        Reply reply = api.send(method, path, text, body == null ? null : JSON, headers);
        JsonObject answer = contract.check(method, template, reply);
        if (body != null && reply.status() / 100 == 2) {
            contract.checkAccepted(method, template, body);
        }
        return answer;
    }

    private static JsonObject admin(String method, String template, String path, JsonObject body) {
        return call(bed.admin, method, template, path, body, NO_HEADERS);
    }

    private static JsonObject resident(
            String method, String template, String path, JsonObject body, Map<String, String> headers) {
        return call(bed.publicApi, method, template, path, body, headers);
    }

    /** Signs and sends a partner request; checks it if accepted, and returns the conforming answer's payload. */
    private static JsonObject partner(TestPartner partner, String path, JsonObject payload) {
        Reply reply = bed.call(partner, path, payload);
        if (reply.status() == 200) {
            contract.checkAccepted("POST", path, payload);
        }
        return contract.check("POST", path, reply);
    }

    private static void assertBreaks(String schema, JsonObject value) {
        assertThat(contract.problems(schema, value.encode())).as(value.encode()).isNotEmpty();
    }

    private static String firstError(JsonObject answer) {
        return answer.getJsonArray("errors").getJsonObject(0).getString("code");
    }

    private static JsonObject enroll(String registrationId, JsonObject identity) {
        JsonObject body = new JsonObject().put("registrationId", registrationId).put("identity", identity);
        return call(bed.admin, "POST", "/v1/enrollments", "/v1/enrollments", body, Map.of());
    }

    private static TestPartner register(TestPartner partner, JsonObject policy) {
        partner.apiKey = admin("POST", "/v1/partners", "/v1/partners", partner.registration(policy))
                .getString("apiKey");
        assertThat(partner.apiKey).isNotNull();
        return partner;
    }

    private static JsonObject demographics(String dateOfBirth) {
        JsonObject fields = new JsonObject()
                .put("fullName", PERSON.getJsonObject("fullName"))
                .put("dateOfBirth", dateOfBirth);
        return new JsonObject().put("demographics", fields);
    }

    private static JsonObject lock(String type, boolean locked) {
        return new JsonObject().put("authTypes", new JsonArray().add(type)).put("locked", locked);
    }

    private static JsonObject temporaryVid() {
        return new JsonObject()
                .put("type", "TEMPORARY")
                .put("validitySeconds", 600)
                .put("maxUses", 2);
    }
}
