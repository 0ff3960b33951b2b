package org.civis.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.civis.core.registry.Residents;
import org.civis.server.HttpClientForTests.Reply;
import org.civis.server.partnerapi.AuthTestbed;
import org.civis.server.partnerapi.TestPartner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics} on the admin listener of a running server (real PostgreSQL, Hazelcast and
 * keys): the exposition format parses, the requests made show up under their route templates and
 * statuses with exactly their number, the node's own series are there, and no label value carries
 * an identifier that was in a request.
 */
class MetricsEndpointTest {
    private static final JsonObject PERSON = Residents.full(31);
    private static final String REQUESTS = "vertx_http_server_requests_total";

    private static AuthTestbed bed;
    private static TestPartner bank;
    private static String uin;
    private static String vid;
    /** Every UIN, VID, transaction id and secret the tests send: none may appear in a label. */
    private static final List<String> SENT_IDENTIFIERS = new ArrayList<>();

    @BeforeAll
    static void start() {
        bed = new AuthTestbed(Map.of());
        bank = bed.register("metrics-bank", AuthTestbed.policy("DEMO", "OTP"));
        uin = bed.enroll(PERSON);
        vid = bed.admin
                .post("/v1/identities/" + uin + "/vids", new JsonObject().put("type", "PERPETUAL"))
                .json()
                .getString("vid");
        SENT_IDENTIFIERS.addAll(List.of(uin, vid, bank.apiKey));
    }

    @AfterAll
    static void stop() {
        bed.close();
    }

    @Test
    void theExpositionParsesAndNamesTheNodesOwnSeries() {
        Reply reply = bed.admin.get("/metrics");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("text/plain; version=0.0.4");
        PrometheusText metrics = PrometheusText.parse(reply.body());
        assertThat(metrics.value("civis_hazelcast_members", Map.of())).isEqualTo(1);
        assertThat(metrics.value("civis_hazelcast_near_cache_hit_ratio", Map.of("map", "civis-auth-views")))
                .isBetween(0.0, 1.0);
        assertThat(metrics.find("civis_hazelcast_near_cache_misses_total", Map.of("map", "civis-auth-views")))
                .hasSize(1);
        assertThat(metrics.value("vertx_pool_in_use", Map.of("pool_type", "sql", "pool_name", "civis-db")))
                .isGreaterThanOrEqualTo(0);
        assertThat(metrics.value(
                        "vertx_pool_queue_time_seconds_count", Map.of("pool_type", "sql", "pool_name", "civis-db")))
                .as("connections were waited for and taken")
                .isPositive();
        assertThat(metrics.value("civis_auth_records_waiting", Map.of())).isGreaterThanOrEqualTo(0);
        assertThat(metrics.value("civis_auth_records_oldest_wait_seconds", Map.of()))
                .isGreaterThanOrEqualTo(0);
        assertThat(metrics.value("civis_audit_pending_entries", Map.of())).isGreaterThanOrEqualTo(0);
        assertThat(metrics.value("civis_audit_pending_oldest_age_seconds", Map.of()))
                .isGreaterThanOrEqualTo(0);
        assertThat(metrics.value("civis_fingerprint_queue_depth", Map.of())).isGreaterThanOrEqualTo(0);
        assertThat(metrics.value("civis_fingerprint_workers", Map.of())).isPositive();
        assertThat(metrics.family("civis_fingerprint_search_seconds")).isEqualTo("histogram");
        assertThat(metrics.family("vertx_http_server_response_time_seconds")).isEqualTo("histogram");
    }

    @Test
    void requestsAreCountedByRouteTemplateAndStatusExactly() {
        PrometheusText before = scrape();
        String wrongKey = "not-a-key-" + System.nanoTime();
        SENT_IDENTIFIERS.add(wrongKey);
        for (int i = 0; i < 3; i++) {
            Reply refused = bed.publicApi.send(
                    "POST",
                    "/v1/auth",
                    bank.sign(sent(bed.request(uin, matchingDemographics()))),
                    "application/jose",
                    Map.of("authorization", "Bearer " + wrongKey));
            assertThat(refused.status()).isEqualTo(401);
        }
        for (int i = 0; i < 2; i++) {
            assertThat(bed.admin.get("/v1/identities/" + uin).status()).isEqualTo(200);
        }

        Map<String, String> refusedAuth = Map.of("route", "/v1/auth", "method", "POST", "code", "401");
        Map<String, String> identityRead = Map.of("route", "/v1/identities/:uin", "method", "GET", "code", "200");
        PrometheusText after = scrapeUntil(m ->
                increase(before, m, REQUESTS, refusedAuth) >= 3 && increase(before, m, REQUESTS, identityRead) >= 2);

        assertThat(increase(before, after, REQUESTS, refusedAuth)).isEqualTo(3);
        assertThat(increase(before, after, REQUESTS, identityRead)).isEqualTo(2);
        Map<String, String> everyRefusal = new java.util.HashMap<>(refusedAuth);
        everyRefusal.put("le", "+Inf");
        assertThat(increase(before, after, "vertx_http_server_response_time_seconds_bucket", everyRefusal))
                .isEqualTo(3);
    }

    @Test
    void enrollmentOutcomesAndOtpSendsAreCounted() {
        PrometheusText before = scrape();
        String twin = bed.submitEnrollment(PERSON).json().getString("status");
        JsonObject otp = sent(bed.request(uin, new JsonObject())).put("channels", new JsonArray().add("PHONE"));
        otp.remove("factors");
        assertThat(bed.answer(bed.call(bank, "/v1/otp", otp)).getBoolean("sent"))
                .isTrue();

        Map<String, String> duplicate = Map.of("step", "enroll", "status", "duplicate_suspected");
        Map<String, String> phoneSent = Map.of("channel", "phone", "outcome", "sent");
        PrometheusText after = scrape();

        assertThat(twin).isEqualTo("DUPLICATE_SUSPECTED");
        assertThat(increase(before, after, "civis_enrollments_total", duplicate))
                .isEqualTo(1);
        assertThat(after.value("civis_enrollments_total", Map.of("step", "enroll", "status", "issued")))
                .isGreaterThanOrEqualTo(1);
        assertThat(increase(before, after, "civis_otp_sends_total", phoneSent)).isEqualTo(1);
        assertThat(increase(before, after, "civis_otp_delivery_seconds_count", Map.of("channel", "phone")))
                .isEqualTo(1);
    }

    @Test
    void noLabelValueCarriesAUinVidTransactionIdOrKey() {
        assertThat(bed.answer(bed.call(bank, "/v1/auth", sent(bed.request(uin, matchingDemographics()))))
                        .getBoolean("authenticated"))
                .isTrue();
        assertThat(bed.answer(bed.call(
                                bank,
                                "/v1/auth",
                                sent(bed.request(vid, matchingDemographics()).put("individualIdType", "VID"))))
                        .getBoolean("authenticated"))
                .isTrue();
        assertThat(bed.admin.get("/v1/vids/" + vid).status()).isEqualTo(200);
        assertThat(bed.admin.get("/v1/identities/" + uin + "/vids").status()).isEqualTo(200);
        assertThat(bed.admin.get("/v1/enrollments/no-such-registration").status())
                .isEqualTo(404);

        PrometheusText metrics = scrapeUntil(
                m -> !m.find(REQUESTS, Map.of("route", "/v1/vids/:vid")).isEmpty());

        List<String> values = metrics.samples().stream()
                .flatMap(s -> s.labels().values().stream())
                .distinct()
                .toList();
        for (String identifier : SENT_IDENTIFIERS) {
            assertThat(values).noneMatch(value -> value.contains(identifier));
        }
        assertThat(values).noneMatch(value -> value.contains("no-such-registration"));
        List<String> routes = metrics.find(REQUESTS, Map.of()).stream()
                .map(s -> s.labels().get("route"))
                .toList();
        assertThat(routes)
                .as(routes.toString())
                .contains("/v1/vids/:vid", "/v1/identities/:uin/vids", "/v1/enrollments/:registrationId")
                .allMatch(route -> route.equals(RouteLabel.UNMATCHED) || route.startsWith("/"));
    }

    @Test
    void authDecisionsAreCountedByOutcomeAndFirstErrorCode() {
        PrometheusText before = scrape();
        JsonObject wrongBirthDate = new JsonObject()
                .put(
                        "demographics",
                        new JsonObject()
                                .put("fullName", PERSON.getJsonObject("fullName"))
                                .put("dateOfBirth", "1901-01-01"));
        for (int i = 0; i < 2; i++) {
            assertThat(bed.errors(bed.call(bank, "/v1/auth", sent(bed.request(uin, wrongBirthDate)))))
                    .containsExactly("DEMO_MISMATCH");
        }
        bed.answer(bed.call(bank, "/v1/auth", sent(bed.request(uin, matchingDemographics()))));
        Reply unknownKey = bed.publicApi.send(
                "POST",
                "/v1/kyc",
                bank.sign(sent(bed.request(uin, matchingDemographics()))),
                "application/jose",
                Map.of("authorization", "Bearer not-a-key"));
        assertThat(unknownKey.status()).isEqualTo(401);

        PrometheusText after = scrape();
        String decisions = "civis_auth_decisions_total";
        assertThat(increase(
                        before,
                        after,
                        decisions,
                        Map.of("kind", "auth", "outcome", "refused", "code", "DEMO_MISMATCH")))
                .isEqualTo(2);
        assertThat(increase(
                        before, after, decisions, Map.of("kind", "auth", "outcome", "authenticated", "code", "NONE")))
                .isEqualTo(1);
        assertThat(increase(
                        before,
                        after,
                        decisions,
                        Map.of("kind", "kyc", "outcome", "refused", "code", "API_KEY_INVALID")))
                .as("a refusal at admission is counted under its kind")
                .isEqualTo(1);
    }

    private static JsonObject matchingDemographics() {
        return new JsonObject()
                .put(
                        "demographics",
                        new JsonObject()
                                .put("fullName", PERSON.getJsonObject("fullName"))
                                .put("dateOfBirth", PERSON.getString("dateOfBirth")));
    }

    /** Notes the request's transaction id as one that must not appear in a label. */
    private static JsonObject sent(JsonObject request) {
        SENT_IDENTIFIERS.add(request.getString("transactionId"));
        return request;
    }

    private static PrometheusText scrape() {
        Reply reply = bed.admin.get("/metrics");
        assertThat(reply.status()).isEqualTo(200);
        return PrometheusText.parse(reply.body());
    }

    /**
     * Vert.x counts a request as its response ends, which may be a moment after the client has read
     * it: scrapes again (briefly) until {@code ready}, then returns the last scrape either way.
     */
    private static PrometheusText scrapeUntil(Predicate<PrometheusText> ready) {
        PrometheusText metrics = scrape();
        for (int i = 0; i < 50 && !ready.test(metrics); i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            metrics = scrape();
        }
        return metrics;
    }

    private static double increase(
            PrometheusText before, PrometheusText after, String name, Map<String, String> labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }
}
