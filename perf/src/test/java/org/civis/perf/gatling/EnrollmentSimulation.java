package org.civis.perf.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.vertx.core.json.JsonObject;

/**
 * Single enrollment on the admin API: residents of the seeded population beyond the seeded range
 * (a range per run, so reruns enroll new people), demographics only unless
 * {@code civis.enrollFingerprints=true}, which adds the 1:N fingerprint search against the whole
 * gallery to every request, as an operator with the role registrar ({@code civis.operatorToken}).
 * Not recorded in auth_transactions.
 */
public class EnrollmentSimulation extends CivisSimulation {
    private final boolean fingerprints = Boolean.getBoolean("civis.enrollFingerprints");
    // Clear of any seeded population (at most 2^31 residents) and of earlier runs.
    private final long firstIndex = (1L << 32) + (System.currentTimeMillis() / 1000 % 1_000_000) * 1_000_000;
    private final Presigned packets = new Presigned(settings.presign(), n -> {
        JsonObject packet = new JsonObject()
                .put("registrationId", "load-" + settings.runId() + "-" + n)
                .put("identity", population.unseeded(firstIndex + n).identity(fingerprints));
        return Presigned.record(packet.encode(), null, null);
    });

    public EnrollmentSimulation() {
        if (settings.operatorToken().isBlank()) {
            throw new IllegalArgumentException(
                    "set civis.operatorToken to an admin API token with the role registrar (civis operator-token)");
        }
        start(packets);
    }

    @Override
    protected String baseUrl() {
        return settings.adminUrl();
    }

    @Override
    protected ChainBuilder flow(String prefix) {
        return feed(packets)
                .exec(http(prefix + "admin: enroll")
                        .post("/v1/enrollments")
                        .header("content-type", "application/json")
                        .header("authorization", "Bearer " + settings.operatorToken())
                        .body(StringBody("#{body}"))
                        .check(status().in(200, 201), jsonPath("$.status").in("ISSUED", "DUPLICATE_SUSPECTED")));
    }
}
