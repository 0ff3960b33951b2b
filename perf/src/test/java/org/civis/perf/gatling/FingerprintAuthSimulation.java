package org.civis.perf.gatling;

import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;

/**
 * Fingerprint authentication: fresh impressions (ISO/IEC 19794-2) of the two fingers the resident
 * was seeded with. Needs a population seeded {@code --with-fingerprints}.
 */
public class FingerprintAuthSimulation extends CivisSimulation {
    private final Presigned signed = presigned((seeded, n) -> requests.fingerprint(seeded.resident(), seeded.uin(), n));

    public FingerprintAuthSimulation() {
        if (!population.withFingerprints()) {
            throw new IllegalStateException("the population was seeded without fingerprints: seed --with-fingerprints");
        }
        start(signed);
    }

    @Override
    protected ChainBuilder flow(String prefix) {
        return feed(signed)
                .exec(partnerPost(prefix + "auth: fingerprint", "/v1/auth", "#{body}")
                        .check(status().is(200), authenticated()));
    }
}
