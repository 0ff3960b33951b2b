package org.civis.perf.gatling;

import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;

/** Signed demographic authentication: name in the resident's language and date of birth. */
public class DemographicAuthSimulation extends CivisSimulation {
    private final Presigned signed = presigned((seeded, n) -> requests.demographic(seeded.resident(), seeded.uin()));

    public DemographicAuthSimulation() {
        start(signed);
    }

    @Override
    protected ChainBuilder flow(String prefix) {
        return feed(signed)
                .exec(partnerPost(prefix + "auth: demographic", "/v1/auth", "#{body}")
                        .check(status().is(200), authenticated()));
    }
}
