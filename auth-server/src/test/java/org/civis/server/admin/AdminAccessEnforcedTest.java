package org.civis.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.civis.core.registry.RegistryFixture;
import org.civis.server.CivisServer;
import org.civis.server.HttpClientForTests;
import org.civis.server.HttpClientForTests.Reply;
import org.civis.server.TestServers;
import org.civis.server.config.ConfigLoader;
import org.civis.server.http.BodyBudget;
import org.civis.server.http.BodyLimits;
import org.civis.server.http.Health;
import org.civis.server.metrics.NodeMetrics;
import org.civis.server.operator.OperatorRole;
import org.civis.server.operator.TestOperators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin API of a running server admits only operator tokens, each role exactly to the
 * operations the OpenAPI document grants it, and the audit log names the token's operator.
 */
class AdminAccessEnforcedTest {
    private static final String ISSUER_SUFFIX = " (urn:civis:development-operator-issuer)";
    /** Open on the admin listener: load balancers probe health, Prometheus scrapes metrics. */
    private static final List<String> OPEN = List.of("/health/", "/metrics");

    private static Map<String, String> env;
    private static CivisServer server;
    private static HttpClientForTests anonymous;
    private static JsonObject openApi;

    @BeforeAll
    static void start() throws Exception {
        env = TestServers.environment(Files.createTempDirectory("civis-admin-access-test"));
        server = CivisServer.start(ConfigLoader.load(env));
        anonymous = new HttpClientForTests("http://127.0.0.1:" + server.config().adminPort());
        try (InputStream in = AdminAccessEnforcedTest.class.getResourceAsStream("/org/civis/server/openapi.json")) {
            openApi = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyRouteOfTheAdminRouterAndEveryAdminOperationOfTheDocumentRefusesAnAnonymousRequest() {
        // Given every route the admin router serves and every operation the document lists for it
        Set<String> targets = new TreeSet<>(adminRouterRoutes());
        targets.addAll(documentedOperations().keySet());
        targets.add("GET /v1/not-an-operation"); // a path under /v1 no route serves fails closed too

        // When each is called without a token, then each is 401 with a bearer challenge, but the open ones
        List<String> open = new ArrayList<>();
        for (String target : targets) {
            String method = target.substring(0, target.indexOf(' '));
            String path = concrete(target.substring(target.indexOf(' ') + 1));
            Reply reply = anonymous.send(method, path, null, null, Map.of());
            if (OPEN.stream().anyMatch(path::startsWith)) {
                open.add(path);
                assertThat(reply.status()).as(target).isNotIn(401, 403);
            } else {
                assertThat(reply.status()).as(target).isEqualTo(401);
                assertThat(reply.errorCode()).as(target).isEqualTo("OPERATOR_TOKEN_MISSING");
            }
        }
        assertThat(open).contains("/health/live", "/health/ready");
        assertThat(targets).hasSizeGreaterThan(28);
    }

    @Test
    void eachRoleCanCallExactlyTheOperationsTheDocumentGrantsIt() {
        Map<String, Set<OperatorRole>> operations = documentedOperations();
        assertThat(operations).hasSize(28);
        for (OperatorRole role : OperatorRole.values()) {
            // Given a token holding this role alone
            String token = TestOperators.token(server.config().dataDir(), "only-" + role.wireName(), Set.of(role));
            Map<String, String> bearer = Map.of("Authorization", "Bearer " + token);
            for (Map.Entry<String, Set<OperatorRole>> operation : operations.entrySet()) {
                String target = operation.getKey();
                String method = target.substring(0, target.indexOf(' '));
                String path = concrete(target.substring(target.indexOf(' ') + 1));

                // When it calls each operation (with identifiers that exist nowhere: nothing changes)
                Reply reply = anonymous.send(method, path, null, null, bearer);

                // Then its own operations answer for themselves, every other one is 403
                if (operation.getValue().contains(role)) {
                    assertThat(reply.status()).as("%s on %s", role, target).isNotIn(401, 403);
                } else {
                    assertThat(reply.status()).as("%s on %s", role, target).isEqualTo(403);
                    assertThat(reply.errorCode()).isEqualTo("OPERATOR_ROLE_MISSING");
                }
            }
        }
    }

    @Test
    void theAuditLogNamesTheTokensSubjectAndIssuerAndIgnoresAnOperatorHeader() throws Exception {
        // Given a registrar who also claims, in the old header, to be someone else
        HttpClientForTests registrar = anonymous.withHeader("Authorization", "Bearer " + token("ana", "registrar"));

        // When she enrolls a resident
        Reply enrolled = registrar.send(
                "POST",
                "/v1/enrollments",
                enrollment("audited-1", "Ana Lucía Pérez").encode(),
                "application/json",
                Map.of("X-Civis-Operator", "mallory"));

        // Then the issuing is recorded as hers, by subject and issuer, and the header is nowhere
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(200);
        String uin = enrolled.json().getString("uin");
        assertThat(auditActors("IDENTITY_ISSUED", uin)).containsExactly("ana" + ISSUER_SUFFIX);
        assertThat(auditActors(null, null)).doesNotContain("mallory");
    }

    @Test
    void operatorReadsOfPersonalDataAreAuditedWithTheOperator() throws Exception {
        // Given an identity with a VID
        HttpClientForTests registrar = anonymous.withHeader("Authorization", "Bearer " + token("rui", "registrar"));
        String uin = registrar
                .post("/v1/enrollments", enrollment("audited-2", "Rui Tavares Moniz"))
                .json()
                .getString("uin");
        HttpClientForTests identityAdmin =
                anonymous.withHeader("Authorization", "Bearer " + token("ines", "identity-admin"));
        Reply created =
                identityAdmin.post("/v1/identities/" + uin + "/vids", new JsonObject().put("type", "PERPETUAL"));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String vid = created.json().getString("vid");

        // When operators read the identity, its VIDs, a VID, and the enrollment's outcome
        assertThat(identityAdmin.get("/v1/identities/" + uin).status()).isEqualTo(200);
        assertThat(identityAdmin.get("/v1/identities/" + uin + "/vids").status())
                .isEqualTo(200);
        assertThat(identityAdmin.get("/v1/vids/" + vid).status()).isEqualTo(200);
        assertThat(registrar.get("/v1/enrollments/audited-2").status()).isEqualTo(200);

        // Then each read is in the audit log under the operator who made it
        assertThat(auditActors("IDENTITY_READ", uin)).containsExactly("ines" + ISSUER_SUFFIX);
        assertThat(auditActors("VID_READ", uin)).containsExactly("ines" + ISSUER_SUFFIX, "ines" + ISSUER_SUFFIX);
        assertThat(auditActors("ENROLLMENT_READ", "audited-2")).containsExactly("rui" + ISSUER_SUFFIX);
    }

    /** Every route of the router the admin listener serves, as "METHOD /path/{param}". */
    private static Set<String> adminRouterRoutes() {
        Set<String> routes = new TreeSet<>();
        try (RegistryFixture registry = new RegistryFixture()) {
            Health health = new Health(registry.pool, () -> true, JsonObject::new, JsonObject::new, JsonObject::new);
            BodyLimits limits = new BodyLimits(1024, 1024, 1024, Duration.ofSeconds(30));
            Router router = AdminApi.router(
                    registry.vertx,
                    registry.registry,
                    null,
                    null,
                    health,
                    limits,
                    new BodyBudget(limits.inFlight()),
                    NodeMetrics.create(false).enrollments(),
                    TestOperators.developmentAuthentication(server.config().dataDir()),
                    Clock.systemUTC());
            for (Route route : router.getRoutes()) {
                if (route.getPath() == null) {
                    continue; // the failure and malformed-target handlers: they match every request
                }
                String path = route.getPath().replaceAll(":(\\w+)", "{$1}");
                Set<HttpMethod> methods =
                        route.methods() == null || route.methods().isEmpty() ? Set.of(HttpMethod.GET) : route.methods();
                methods.forEach(method -> routes.add(method.name() + " " + path));
            }
        }
        return routes;
    }

    /** The document's admin operations with the roles it grants each ({@code x-civis-roles}). */
    private static Map<String, Set<OperatorRole>> documentedOperations() {
        Map<String, Set<OperatorRole>> operations = new TreeMap<>();
        JsonObject paths = openApi.getJsonObject("paths");
        for (String path : paths.fieldNames()) {
            JsonObject item = paths.getJsonObject(path);
            for (String method : item.fieldNames()) {
                if (item.getValue(method) instanceof JsonObject op
                        && op.getJsonArray("tags", new JsonArray()).contains("Admin")) {
                    Set<OperatorRole> roles = EnumSet.noneOf(OperatorRole.class);
                    op.getJsonArray("x-civis-roles")
                            .forEach(name -> roles.add(
                                    OperatorRole.byWireName((String) name).orElseThrow()));
                    operations.put(method.toUpperCase(Locale.ROOT) + " " + path, roles);
                }
            }
        }
        return operations;
    }

    /** A path to call for a route or operation: parameters that name nothing, wildcards filled. */
    private static String concrete(String template) {
        Map<String, String> values = new HashMap<>();
        values.put("uin", "1234");
        values.put("vid", "5678");
        values.put("registrationId", "no-such-registration");
        values.put("partnerId", "no-such-bank");
        values.put("kid", "no-such-kid");
        String path = template.replace("*", "anything");
        for (Map.Entry<String, String> value : values.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        assertThat(path).as(template).doesNotContain("{");
        return path;
    }

    private static String token(String subject, String role) {
        return TestOperators.token(
                server.config().dataDir(),
                subject,
                Set.of(OperatorRole.byWireName(role).orElseThrow()));
    }

    private static JsonObject enrollment(String registrationId, String name) {
        return new JsonObject()
                .put("registrationId", registrationId)
                .put(
                        "identity",
                        new JsonObject()
                                .put("fullName", new JsonObject().put("eng", name))
                                .put("dateOfBirth", "1979-11-02")
                                .put("gender", "female"));
    }

    /** The actors of the audit entries with {@code action} about {@code subject} (null: any), chained or not. */
    private static List<String> auditActors(String action, String subject) throws Exception {
        String where = " where (?::text is null or action = ?) and (?::text is null or subject = ?)";
        try (Connection db = TestServers.databaseConnection(env);
                PreparedStatement query = db.prepareStatement(
                        "select actor from audit_pending" + where + " union all select actor from audit_log" + where)) {
            for (int offset : new int[] {0, 4}) {
                query.setString(offset + 1, action);
                query.setString(offset + 2, action);
                query.setString(offset + 3, subject);
                query.setString(offset + 4, subject);
            }
            List<String> actors = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    actors.add(rows.getString(1));
                }
            }
            return actors;
        }
    }
}
