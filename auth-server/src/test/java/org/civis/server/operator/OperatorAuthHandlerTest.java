package org.civis.server.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civis.server.operator.TestIdentityProvider.AUDIENCE;
import static org.civis.server.operator.TestIdentityProvider.ISSUER;
import static org.civis.server.operator.TestIdentityProvider.keycloakClaims;
import static org.civis.server.operator.TestIdentityProvider.sign;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The authentication and role checks in front of routes shaped like the admin API's, over a real
 * vertx-web router on a random port, with tokens checked against a real JWKS over HTTP.
 */
class OperatorAuthHandlerTest {
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private Vertx vertx;
    private TestIdentityProvider idp;
    private RSAKey key;
    private RemoteJwks jwks;
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        idp = new TestIdentityProvider(vertx);
        key = TestIdentityProvider.rsaKey();
        idp.publish(key);
        jwks = new RemoteJwks(vertx, idp.jwksUrl(), Duration.ZERO);
        jwks.start(Duration.ofMinutes(10))
                .toCompletionStage()
                .toCompletableFuture()
                .get(20, TimeUnit.SECONDS);
        OperatorAuthHandler authentication = new OperatorAuthHandler(
                new OperatorAuthenticator(jwks, ISSUER, AUDIENCE, RolesClaim.KEYCLOAK_REALM_ROLES));
        Router router = Router.router(vertx);
        AdminAccess.install(router, authentication);
        router.get("/health/live").handler(ctx -> ctx.json(new JsonObject().put("status", "UP")));
        router.get("/v1/audit/verify")
                .handler(ctx -> ctx.json(new JsonObject()
                        .put("intact", true)
                        .put(
                                "by",
                                OperatorAuthHandler.operator(ctx).orElseThrow().actor())));
        router.post("/v1/enrollments")
                .handler(BodyHandler.create())
                .handler(ctx -> ctx.json(new JsonObject()
                        .put("status", "ISSUED")
                        .put("received", ctx.body().asJsonObject())));
        router.get("/v1/not-in-the-table").handler(ctx -> ctx.json(new JsonObject().put("leaked", true)));
        server = vertx.createHttpServer()
                .requestHandler(router)
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        jwks.stop();
        idp.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void anonymousRequestIs401WithABearerChallenge() throws Exception {
        HttpResponse<String> reply = send("GET", "/v1/audit/verify", Map.of());

        assertThat(reply.statusCode()).isEqualTo(401);
        assertThat(code(reply)).isEqualTo("OPERATOR_TOKEN_MISSING");
        assertThat(reply.headers().firstValue("www-authenticate")).hasValue("Bearer realm=\"civis-admin\"");
        assertThat(reply.headers().firstValue("content-type")).hasValue("application/json");
    }

    @Test
    void anotherAuthenticationSchemeCountsAsNoToken() throws Exception {
        HttpResponse<String> reply = send("GET", "/v1/audit/verify", Map.of("Authorization", "Basic YWRtaW46YWRtaW4="));

        assertThat(reply.statusCode()).isEqualTo(401);
        assertThat(code(reply)).isEqualTo("OPERATOR_TOKEN_MISSING");
    }

    @Test
    void invalidTokenIs401InvalidTokenWithoutSayingWhy() throws Exception {
        String expired = sign(
                key,
                JWSAlgorithm.RS256,
                keycloakClaims("alice", "auditor")
                        .expirationTime(new java.util.Date(System.currentTimeMillis() - 600_000))
                        .build());

        HttpResponse<String> reply = send("GET", "/v1/audit/verify", Map.of("Authorization", "Bearer " + expired));

        assertThat(reply.statusCode()).isEqualTo(401);
        assertThat(code(reply)).isEqualTo("OPERATOR_TOKEN_INVALID");
        assertThat(reply.headers().firstValue("www-authenticate"))
                .hasValue("Bearer realm=\"civis-admin\", error=\"invalid_token\"");
        assertThat(reply.body()).doesNotContain("exp", "expired", "alice");
    }

    @Test
    void anonymousUploadIsRefusedBeforeTheRoute() throws Exception {
        HttpResponse<String> reply = send("POST", "/v1/enrollments", Map.of());

        assertThat(reply.statusCode()).isEqualTo(401);
        assertThat(code(reply)).isEqualTo("OPERATOR_TOKEN_MISSING");
    }

    @Test
    void operatorWithoutTheRoleIs403() throws Exception {
        String registrar = sign(
                key, JWSAlgorithm.RS256, keycloakClaims("alice", "registrar").build());

        HttpResponse<String> reply = send("GET", "/v1/audit/verify", Map.of("Authorization", "Bearer " + registrar));

        assertThat(reply.statusCode()).isEqualTo(403);
        assertThat(code(reply)).isEqualTo("OPERATOR_ROLE_MISSING");
        assertThat(reply.headers().firstValue("www-authenticate"))
                .hasValue("Bearer realm=\"civis-admin\", error=\"insufficient_scope\"");
    }

    @Test
    void operatorWithTheRoleReachesTheRouteWhichSeesTheTokensSubjectAndIssuer() throws Exception {
        String auditor =
                sign(key, JWSAlgorithm.RS256, keycloakClaims("dana", "auditor").build());

        HttpResponse<String> reply = send("GET", "/v1/audit/verify", Map.of("Authorization", "bearer " + auditor));

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(reply.body()).getString("by")).isEqualTo("dana (" + ISSUER + ")");
    }

    @Test
    void routeMissingFromTheRoleTableIsRefusedToEveryone() throws Exception {
        String everything = sign(
                key,
                JWSAlgorithm.RS256,
                keycloakClaims(
                                "root",
                                "registrar",
                                "adjudicator",
                                "identity-admin",
                                "partner-admin",
                                "issuer-admin",
                                "auditor")
                        .build());

        HttpResponse<String> reply =
                send("GET", "/v1/not-in-the-table", Map.of("Authorization", "Bearer " + everything));

        assertThat(reply.statusCode()).isEqualTo(403);
        assertThat(code(reply)).isEqualTo("OPERATOR_ROLE_MISSING");
    }

    @Test
    void bodyOfARequestWaitingForTheIdpsKeysArrivesWhole() throws Exception {
        // Given the IdP rotated to a key this server has not fetched yet
        RSAKey rotated = TestIdentityProvider.rsaKey();
        idp.publish(key, rotated);
        String registrar = sign(
                rotated,
                JWSAlgorithm.RS256,
                keycloakClaims("alice", "registrar").build());

        // when an upload carries a token under the new key, the keys are fetched before it is admitted
        HttpResponse<String> reply = send("POST", "/v1/enrollments", Map.of("Authorization", "Bearer " + registrar));

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(reply.body()).getJsonObject("received").getString("registrationId"))
                .isEqualTo("r-1");
    }

    @Test
    void healthChecksStayOpenForLoadBalancers() throws Exception {
        assertThat(send("GET", "/health/live", Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void unreachableIdpIs503RetryLaterForATokenUnderAnUnknownKey() throws Exception {
        idp.failWith(500);
        String rotated = sign(
                TestIdentityProvider.rsaKey(),
                JWSAlgorithm.RS256,
                keycloakClaims("alice", "auditor").build());

        HttpResponse<String> reply = send("GET", "/v1/audit/verify", Map.of("Authorization", "Bearer " + rotated));

        assertThat(reply.statusCode()).isEqualTo(503);
        assertThat(code(reply)).isEqualTo("OPERATOR_KEYS_UNAVAILABLE");
        assertThat(reply.headers().firstValue("retry-after")).hasValue("30");
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.actualPort() + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        method.equals("POST")
                                ? HttpRequest.BodyPublishers.ofString("{\"registrationId\":\"r-1\"}")
                                : HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String code(HttpResponse<String> reply) {
        return new JsonObject(reply.body()).getJsonObject("error").getString("code");
    }
}
