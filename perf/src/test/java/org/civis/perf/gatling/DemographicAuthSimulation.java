package org.civis.perf.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;

/** Signed demographic authentication: name in the resident's language and date of birth. */
public class DemographicAuthSimulation extends CivisSimulation {
    private final Presigned signed = new Presigned(settings.presign(), n -> {
        SeededPopulation.Seeded seeded = population.get(n, settings.residents());
        return Presigned.record(requests.demographic(seeded.resident(), seeded.uin()), seeded.uin(), null);
    });

    public DemographicAuthSimulation() {
        start(signed);
    }

    @Override
    protected ChainBuilder flow(String prefix) {
        return feed(signed)
                .exec(http(prefix + "auth: demographic")
                        .post("/v1/auth")
                        .header("authorization", requests.authorization())
                        .body(StringBody("#{body}"))
                        .check(status().is(200), authenticated()));
    }
}
