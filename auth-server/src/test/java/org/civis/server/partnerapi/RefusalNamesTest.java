package org.civis.server.partnerapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.civis.core.registry.Residents;
import org.civis.server.HttpClientForTests.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A refused partner request names the partner once its API key was accepted, and the transaction
 * once its signed payload named one, so a partner can match every refusal to its request; before
 * that, it names neither. Each answer is still signed by the server.
 */
class RefusalNamesTest {
    private static AuthTestbed bed;
    private static TestPartner bank;
    private static String uin;
    private static final JsonObject PERSON = Residents.full(11);

    @BeforeAll
    static void start() {
        bed = new AuthTestbed(Map.of());
        bank = bed.register("names-bank", AuthTestbed.policy("DEMO", "OTP"));
        uin = bed.enroll(PERSON);
    }

    @AfterAll
    static void stop() {
        bed.close();
    }

    private static JsonObject demographics() {
        return new JsonObject().put("demographics", new JsonObject().put("gender", PERSON.getString("gender")));
    }

    @Test
    void aReplayedAuthenticationNamesPartnerAndTransaction() {
        JsonObject request = bed.request(uin, demographics());
        String jws = bank.sign(request);
        assertThat(bed.answer(bed.send(bank, "/v1/auth", jws)).getBoolean("authenticated"))
                .isTrue();

        Reply replay = bed.send(bank, "/v1/auth", jws);

        assertThat(replay.status()).isEqualTo(409);
        JsonObject answer = bed.answer(replay);
        assertThat(bed.errors(replay)).containsExactly("TRANSACTION_REPLAYED");
        assertThat(answer.getString("partnerId")).isEqualTo("names-bank");
        assertThat(answer.getString("transactionId")).isEqualTo(request.getString("transactionId"));
        assertThat(answer.getBoolean("authenticated")).isFalse();
    }

    @Test
    void aRequestTimeOutOfTheWindowNamesPartnerAndTransaction() {
        JsonObject stale = bed.request(uin, demographics())
                .put(
                        "requestTime",
                        bed.clock.instant().minus(Duration.ofMinutes(6)).toString());

        Reply reply = bed.call(bank, "/v1/auth", stale);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(bed.errors(reply)).containsExactly("REQUEST_TIME_OUT_OF_WINDOW");
        JsonObject answer = bed.answer(reply);
        assertThat(answer.getString("partnerId")).isEqualTo("names-bank");
        assertThat(answer.getString("transactionId")).isEqualTo(stale.getString("transactionId"));
    }

    @Test
    void aReplayedOtpRequestNamesPartnerAndTransaction() {
        JsonObject ask = bed.request(uin, new JsonObject()).put("channels", new JsonArray().add("EMAIL"));
        ask.remove("factors");
        String jws = bank.sign(ask);
        assertThat(bed.send(bank, "/v1/otp", jws).status()).isEqualTo(200);

        Reply replay = bed.send(bank, "/v1/otp", jws);

        assertThat(replay.status()).isEqualTo(409);
        JsonObject answer = bed.answer(replay);
        assertThat(answer.getString("partnerId")).isEqualTo("names-bank");
        assertThat(answer.getString("transactionId")).isEqualTo(ask.getString("transactionId"));
        assertThat(answer.fieldNames())
                .containsExactlyInAnyOrder("transactionId", "partnerId", "responseTime", "errors", "authenticated");
    }

    @Test
    void aForgedSignatureNamesThePartnerButNoTransaction() {
        TestPartner impostor = TestPartner.create("names-bank", false);
        String forged = bank.sign(bed.request(uin, demographics()), impostor.signingKey);

        Reply reply = bed.send(bank, "/v1/auth", forged);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(bed.errors(reply)).containsExactly("SIGNATURE_INVALID");
        JsonObject answer = bed.answer(reply);
        assertThat(answer.getString("partnerId")).isEqualTo("names-bank");
        assertThat(answer.containsKey("transactionId")).isFalse();
    }

    @Test
    void aRequestWhoseKeyIsNotAcceptedNamesNeither() {
        Reply reply = bed.publicApi.send(
                "POST",
                "/v1/auth",
                bank.sign(bed.request(uin, demographics())),
                "application/jose",
                Map.of("authorization", "Bearer civis.names-bank.not-the-key"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(bed.errors(reply)).containsExactly("API_KEY_INVALID");
        assertThat(bed.answer(reply).fieldNames()).containsExactlyInAnyOrder("responseTime", "errors", "authenticated");
    }
}
