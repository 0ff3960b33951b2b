package org.civis.perf.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;

/**
 * Fingerprint authentication: fresh impressions (ISO/IEC 19794-2) of the two fingers the resident
 * was seeded with. Needs a population seeded {@code --with-fingerprints}.
 */
public class FingerprintAuthSimulation extends CivisSimulation {
    private final Presigned signed = new Presigned(settings.presign(), n -> {
        SeededPopulation.Seeded seeded = population.get(n, settings.residents());
        return Presigned.record(requests.fingerprint(seeded.resident(), seeded.uin(), n), seeded.uin(), null);
    });

    public FingerprintAuthSimulation() {
        if (!population.withFingerprints()) {
            throw new IllegalStateException("the population was seeded without fingerprints: seed --with-fingerprints");
        }
        start(signed);
    }

    @Override
    protected ChainBuilder flow(String prefix) {
        return feed(signed)
                .exec(http(prefix + "auth: fingerprint")
                        .post("/v1/auth")
                        .header("authorization", requests.authorization())
                        .body(StringBody("#{body}"))
                        .check(status().is(200), authenticated()));
    }
}
