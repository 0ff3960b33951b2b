package org.civis.perf.gatling;

import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;

/**
 * OTP: the bank asks for a code (pre-signed), the server sends it through its {@code webhook}
 * channel to the SMS gateway stand-in this simulation runs on loopback, and the resident's code
 * is verified. The verification is signed during the run, since its code only exists then: one
 * signature per flow on the generator. Start the server with {@code CIVIS_OTP_CHANNEL=webhook},
 * {@code CIVIS_OTP_WEBHOOK_URL=http://127.0.0.1:<civis.smsPort>/sms}, and a per-identity code limit
 * ({@code CIVIS_OTP_MAX_REQUESTS}) above what the run asks of each resident.
 */
public class OtpSimulation extends CivisSimulation {
    private final SmsGatewayStandIn gateway = new SmsGatewayStandIn(settings.smsPort());
    private final Presigned signed = new Presigned(settings.presign(), n -> {
        SeededPopulation.Seeded seeded = population.get(n, settings.residents());
        return Presigned.record(
                requests.otpRequest(seeded.uin()),
                seeded.uin(),
                seeded.resident().phone());
    });

    public OtpSimulation() {
        start(signed);
    }

    @Override
    protected ChainBuilder flow(String prefix) {
        return feed(signed)
                .exec(partnerPost(prefix + "auth: otp request", "/v1/otp", "#{body}")
                        .check(status().is(200)))
                .exitHereIfFailed()
                .exec(session -> {
                    String code = gateway.take(session.getString("phone"));
                    // No code came: an impossible one makes the verification fail visibly.
                    return session.set(
                            "verify", requests.otpVerify(session.getString("uin"), code == null ? "000000" : code));
                })
                .exec(partnerPost(prefix + "auth: otp verify", "/v1/auth", "#{verify}")
                        .check(status().is(200), authenticated()));
    }

    @Override
    public void after() {
        super.after();
        gateway.close();
    }
}
