package org.civis.server.partnerapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civis.core.registry.Residents;
import org.civis.core.storage.Await;
import org.civis.server.HttpClientForTests.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The webhook channel against a stand-in SMS gateway (the one boundary we do not own): the code
 * reaches the gateway and authenticates; a gateway that refuses makes the request fail visibly.
 */
class OtpWebhookTest {
    private static final BlockingQueue<JsonObject> RECEIVED = new LinkedBlockingQueue<>();
    private static Vertx gatewayVertx;
    private static HttpServer gateway;
    private static AuthTestbed bed;
    private static TestPartner bank;
    private static volatile int gatewayStatus = 202;

    @BeforeAll
    static void start() {
        gatewayVertx = Vertx.vertx();
        gateway = Await.result(gatewayVertx
                .createHttpServer()
                .requestHandler(request -> request.body().onSuccess(body -> {
                    RECEIVED.add(body.toJsonObject());
                    request.response().setStatusCode(gatewayStatus).end();
                }))
                .listen(0, "127.0.0.1"));
        bed = new AuthTestbed(Map.of(
                "CIVIS_OTP_CHANNEL",
                "webhook",
                "CIVIS_OTP_WEBHOOK_URL",
                "http://127.0.0.1:" + gateway.actualPort() + "/sms"));
        bank = bed.register("webhook-bank", AuthTestbed.policy("OTP"));
    }

    @AfterAll
    static void stop() {
        bed.close();
        Await.result(gatewayVertx.close());
    }

    @Test
    void theCodeReachesTheGatewayAndAuthenticates() throws Exception {
        JsonObject person = Residents.full(501);
        String uin = bed.enroll(person);
        JsonObject ask = bed.request(uin, new JsonObject());
        ask.remove("factors");

        assertThat(bed.answer(bed.call(bank, "/v1/otp", ask)).getBoolean("sent"))
                .isTrue();

        JsonObject message = RECEIVED.poll(10, TimeUnit.SECONDS);
        assertThat(message).isNotNull();
        assertThat(message.getString("to")).isIn(person.getString("phone"), person.getString("email"));
        Matcher code = Pattern.compile("\\b(\\d{6})\\b").matcher(message.getString("text"));
        assertThat(code.find()).isTrue();
        RECEIVED.clear();
        Reply auth = bed.call(bank, "/v1/auth", bed.request(uin, new JsonObject().put("otp", code.group(1))));
        assertThat(bed.answer(auth).getBoolean("authenticated")).isTrue();
    }

    @Test
    void aGatewayThatRefusesGivesOtpDeliveryFailed() {
        String uin = bed.enroll(Residents.full(502));
        JsonObject ask = bed.request(uin, new JsonObject());
        ask.remove("factors");
        gatewayStatus = 503;
        try {
            Reply reply = bed.call(bank, "/v1/otp", ask);

            assertThat(reply.status()).isEqualTo(502);
            assertThat(bed.errors(reply)).containsExactly("OTP_DELIVERY_FAILED");
        } finally {
            gatewayStatus = 202;
            RECEIVED.clear();
        }
    }
}
