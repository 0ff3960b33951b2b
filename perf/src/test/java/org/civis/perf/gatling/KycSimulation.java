package org.civis.perf.gatling;

import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;

/**
 * e-KYC with consent: demographic match, then name and date of birth released, signed and
 * encrypted to the partner's key. A released answer is a compact JWE (five parts).
 */
public class KycSimulation extends CivisSimulation {
    private final Presigned signed = presigned((seeded, n) -> requests.kyc(seeded.resident(), seeded.uin()));

    public KycSimulation() {
        start(signed);
    }

    @Override
    protected ChainBuilder flow(String prefix) {
        return feed(signed)
                .exec(partnerPost(prefix + "auth: e-kyc", "/v1/kyc", "#{body}")
                        .check(
                                status().is(200),
                                bodyString()
                                        .transform(b -> b.split("\\.", -1).length)
                                        .is(5)));
    }
}
