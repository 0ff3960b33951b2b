package org.civis.server.partnerapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.civis.core.registry.Residents;
import org.civis.server.HttpClientForTests.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signed demographic authentication against a running server: what a bank sees for each outcome,
 * and that nothing but yes/no, a token and error codes leaves.
 */
class DemographicAuthTest {
    private static AuthTestbed bed;
    private static TestPartner bank;
    private static TestPartner telecom;
    private static String uin;
    private static final JsonObject PERSON = Residents.full(7);

    @BeforeAll
    static void start() {
        bed = new AuthTestbed(Map.of());
        bank = bed.register("acme-bank", AuthTestbed.policy("DEMO", "OTP"));
        telecom = bed.register("telco-one", AuthTestbed.policy("DEMO"));
        uin = bed.enroll(PERSON);
    }

    @AfterAll
    static void stop() {
        bed.close();
    }

    private static JsonObject demographics(JsonObject fields) {
        return new JsonObject().put("demographics", fields);
    }

    private static JsonObject rightNameAndBirthDate() {
        return demographics(new JsonObject()
                .put("fullName", PERSON.getJsonObject("fullName"))
                .put("dateOfBirth", PERSON.getString("dateOfBirth")));
    }

    @Test
    void matchingDemographicsAuthenticateWithATokenAndNoPersonalData() {
        JsonObject request = bed.request(uin, rightNameAndBirthDate());

        Reply reply = bed.call(bank, "/v1/auth", request);

        assertThat(reply.status()).isEqualTo(200);
        JsonObject answer = bed.answer(reply);
        assertThat(answer.getBoolean("authenticated")).isTrue();
        assertThat(answer.getString("transactionId")).isEqualTo(request.getString("transactionId"));
        assertThat(answer.getString("token")).hasSize(43);
        assertThat(answer.getJsonArray("errors")).isEmpty();
        assertThat(answer.fieldNames())
                .containsExactlyInAnyOrder(
                        "transactionId", "partnerId", "responseTime", "errors", "authenticated", "token");
        assertThat(reply.body()).doesNotContain(uin);
    }

    @Test
    void eachMismatchedFieldIsNamedWithItsCode() {
        JsonObject wrong = demographics(new JsonObject()
                .put("fullName", new JsonObject().put("eng", "Someone Else"))
                .put("dateOfBirth", "1901-01-01")
                .put("phone", PERSON.getString("phone")));

        Reply reply = bed.call(bank, "/v1/auth", bed.request(uin, wrong));

        JsonObject answer = bed.answer(reply);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(answer.getBoolean("authenticated")).isFalse();
        assertThat(answer.containsKey("token")).isFalse();
        assertThat(answer.getJsonArray("errors").stream()
                        .map(e -> ((JsonObject) e).getString("code") + " " + ((JsonObject) e).getString("field")))
                .containsExactlyInAnyOrder(
                        "DEMO_MISMATCH demographics.fullName", "DEMO_MISMATCH demographics.dateOfBirth");
    }

    @Test
    void partialNameMatchingIsRefusedUnlessThePolicyAllowsIt() {
        JsonObject partial = demographics(
                        new JsonObject().put("fullName", new JsonObject().put("eng", "Wanjiru Kamua Otieno 7")))
                .put("nameMatching", new JsonObject().put("strategy", "PARTIAL").put("threshold", 0.8));

        assertThat(bed.errors(bed.call(bank, "/v1/auth", bed.request(uin, partial))))
                .containsExactly("DEMO_STRATEGY_NOT_ALLOWED");

        TestPartner lenient = bed.register(
                "lenient-bank",
                AuthTestbed.policy("DEMO")
                        .put(
                                "nameMatching",
                                new JsonObject().put("partial", true).put("minScore", 0.85)));
        JsonObject answer = bed.answer(bed.call(lenient, "/v1/auth", bed.request(uin, partial)));
        assertThat(answer.getBoolean("authenticated")).as(answer.encode()).isTrue();

        // The request asks for 0.1, but the policy's 0.85 is the floor.
        JsonObject loose = demographics(
                        new JsonObject().put("fullName", new JsonObject().put("eng", "Wanjiru Achieng")))
                .put("nameMatching", new JsonObject().put("strategy", "PARTIAL").put("threshold", 0.1));
        assertThat(bed.errors(bed.call(lenient, "/v1/auth", bed.request(uin, loose))))
                .containsExactly("DEMO_MISMATCH");
    }

    @Test
    void factorsEncryptedToTheServersPublishedKeyAreDecryptedAndMatched() throws Exception {
        String jwe = bed.encryptFactors(rightNameAndBirthDate());
        JsonObject request = bed.request(uin, new JsonObject()).put("factors", jwe);

        assertThat(bed.answer(bed.call(bank, "/v1/auth", request)).getBoolean("authenticated"))
                .isTrue();

        JsonObject garbled = bed.request(uin, new JsonObject()).put("factors", jwe.replace('.', ','));
        assertThat(bed.errors(bed.call(bank, "/v1/auth", garbled))).containsExactly("FACTORS_UNREADABLE");
    }

    @Test
    void tokensAreStableForOnePartnerAndDifferAcrossPartners() {
        String first = bed.answer(bed.call(bank, "/v1/auth", bed.request(uin, rightNameAndBirthDate())))
                .getString("token");
        String again = bed.answer(bed.call(bank, "/v1/auth", bed.request(uin, rightNameAndBirthDate())))
                .getString("token");
        String other = bed.answer(bed.call(telecom, "/v1/auth", bed.request(uin, rightNameAndBirthDate())))
                .getString("token");

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void aForgedSignatureIsRefused() {
        String jws = bank.sign(bed.request(uin, rightNameAndBirthDate()));
        String[] parts = jws.split("\\.");
        char last = parts[2].charAt(10);
        parts[2] = parts[2].substring(0, 10) + (last == 'A' ? 'B' : 'A') + parts[2].substring(11);

        Reply reply = bed.send(bank, "/v1/auth", String.join(".", parts));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(bed.errors(reply)).containsExactly("SIGNATURE_INVALID");
    }

    @Test
    void aRequestSignedWithAnotherKeyUnderTheRegisteredKidIsRefused() throws Exception {
        var impostor = new OctetKeyPairGenerator(Curve.Ed25519).generate();

        Reply reply = bed.send(bank, "/v1/auth", bank.sign(bed.request(uin, rightNameAndBirthDate()), impostor));

        assertThat(bed.errors(reply)).containsExactly("SIGNATURE_INVALID");
    }

    @Test
    void anEs256PartnerIsAcceptedToo() {
        TestPartner ecdsa = bed.register(TestPartner.create("ecdsa-bank", true), AuthTestbed.policy("DEMO"));

        assertThat(bed.answer(bed.call(ecdsa, "/v1/auth", bed.request(uin, rightNameAndBirthDate())))
                        .getBoolean("authenticated"))
                .isTrue();
    }

    @Test
    void anUnknownPartnerOrWrongApiKeyIsRefused() {
        TestPartner stranger = TestPartner.create("no-such-bank", false);
        stranger.apiKey = bank.apiKey.replace("acme-bank", "no-such-bank");
        assertThat(bed.errors(bed.call(stranger, "/v1/auth", bed.request(uin, rightNameAndBirthDate()))))
                .containsExactly("PARTNER_UNKNOWN");

        TestPartner wrongKey = TestPartner.create("acme-bank", false);
        wrongKey.apiKey = bank.apiKey.substring(0, bank.apiKey.length() - 4) + "AAAA";
        Reply reply = bed.call(wrongKey, "/v1/auth", bed.request(uin, rightNameAndBirthDate()));
        assertThat(reply.status()).isEqualTo(401);
        assertThat(bed.errors(reply)).containsExactly("API_KEY_INVALID");
    }

    @Test
    void aSuspendedPartnerIsRefusedOnItsNextRequestAndWelcomeAgainWhenActivated() {
        TestPartner shaky = bed.register("shaky-bank", AuthTestbed.policy("DEMO"));
        assertThat(bed.admin.post("/v1/partners/shaky-bank/suspend", "", null).status())
                .isEqualTo(200);

        Reply refused = bed.call(shaky, "/v1/auth", bed.request(uin, rightNameAndBirthDate()));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(bed.errors(refused)).containsExactly("PARTNER_SUSPENDED");

        bed.admin.post("/v1/partners/shaky-bank/activate", "", null);
        assertThat(bed.answer(bed.call(shaky, "/v1/auth", bed.request(uin, rightNameAndBirthDate())))
                        .getBoolean("authenticated"))
                .isTrue();
    }

    @Test
    void aReplayedTransactionIsRefused() {
        String jws = bank.sign(bed.request(uin, rightNameAndBirthDate()));
        assertThat(bed.answer(bed.send(bank, "/v1/auth", jws)).getBoolean("authenticated"))
                .isTrue();

        Reply replay = bed.send(bank, "/v1/auth", jws);

        assertThat(replay.status()).isEqualTo(409);
        assertThat(bed.errors(replay)).containsExactly("TRANSACTION_REPLAYED");
    }

    @Test
    void aStaleRequestTimeIsRefused() {
        JsonObject stale = bed.request(uin, rightNameAndBirthDate())
                .put(
                        "requestTime",
                        bed.clock.instant().minus(Duration.ofMinutes(6)).toString());

        assertThat(bed.errors(bed.call(bank, "/v1/auth", stale))).containsExactly("REQUEST_TIME_OUT_OF_WINDOW");
    }

    @Test
    void anAuthTypeThePolicyDoesNotAllowIsRefused() {
        JsonObject otp = new JsonObject().put("otp", "123456");

        Reply reply = bed.call(telecom, "/v1/auth", bed.request(uin, otp));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(bed.errors(reply)).containsExactly("AUTH_TYPE_NOT_ALLOWED");
    }

    @Test
    void aLockedAuthTypeIsRefusedOnTheNextRequestAndATimedUnlockOpensIt() {
        String locked = bed.enroll(Residents.full(21));
        JsonObject factors = demographics(
                new JsonObject().put("dateOfBirth", Residents.full(21).getString("dateOfBirth")));
        assertThat(bed.answer(bed.call(bank, "/v1/auth", bed.request(locked, factors)))
                        .getBoolean("authenticated"))
                .isTrue();

        bed.admin.post(
                "/v1/identities/" + locked + "/locks",
                new JsonObject()
                        .put("authTypes", new io.vertx.core.json.JsonArray().add("demo"))
                        .put("locked", true));
        assertThat(bed.errors(bed.call(bank, "/v1/auth", bed.request(locked, factors))))
                .containsExactly("AUTH_TYPE_LOCKED");

        bed.admin.post(
                "/v1/identities/" + locked + "/locks",
                new JsonObject()
                        .put("authTypes", new io.vertx.core.json.JsonArray().add("demo"))
                        .put("locked", false)
                        .put("unlockForSeconds", 60));
        assertThat(bed.answer(bed.call(bank, "/v1/auth", bed.request(locked, factors)))
                        .getBoolean("authenticated"))
                .isTrue();
        bed.clock.advance(Duration.ofSeconds(61));
        assertThat(bed.errors(bed.call(bank, "/v1/auth", bed.request(locked, factors))))
                .containsExactly("AUTH_TYPE_LOCKED");
    }

    @Test
    void aVidAuthenticatesUntilItIsRevoked() {
        String vid = bed.admin
                .post("/v1/identities/" + uin + "/vids", new JsonObject().put("type", "TEMPORARY"))
                .json()
                .getString("vid");
        JsonObject byVid = bed.request(vid, rightNameAndBirthDate()).put("individualIdType", "VID");
        JsonObject answer = bed.answer(bed.call(bank, "/v1/auth", byVid));
        assertThat(answer.getBoolean("authenticated")).isTrue();
        assertThat(answer.getString("token"))
                .isEqualTo(bed.answer(bed.call(bank, "/v1/auth", bed.request(uin, rightNameAndBirthDate())))
                        .getString("token"));

        bed.admin.post("/v1/vids/" + vid + "/revoke", "", null);

        JsonObject again = bed.request(vid, rightNameAndBirthDate()).put("individualIdType", "VID");
        assertThat(bed.errors(bed.call(bank, "/v1/auth", again))).containsExactly("VID_REVOKED");
    }

    @Test
    void aOneTimeVidWorksOnce() {
        String vid = bed.admin
                .post("/v1/identities/" + uin + "/vids", new JsonObject().put("type", "ONE_TIME"))
                .json()
                .getString("vid");
        assertThat(bed.answer(bed.call(
                                bank,
                                "/v1/auth",
                                bed.request(vid, rightNameAndBirthDate()).put("individualIdType", "VID")))
                        .getBoolean("authenticated"))
                .isTrue();

        assertThat(bed.errors(bed.call(
                        bank,
                        "/v1/auth",
                        bed.request(vid, rightNameAndBirthDate()).put("individualIdType", "VID"))))
                .containsExactly("VID_USED_UP");
    }

    @Test
    void aDeactivatedIdentityIsRefusedOnTheNextRequest() {
        JsonObject person = Residents.full(33);
        String deactivated = bed.enroll(person);
        JsonObject factors = demographics(new JsonObject().put("dateOfBirth", person.getString("dateOfBirth")));
        assertThat(bed.answer(bed.call(bank, "/v1/auth", bed.request(deactivated, factors)))
                        .getBoolean("authenticated"))
                .isTrue();

        Reply changed = bed.admin.post("/v1/identities/" + deactivated + "/deactivate", new JsonObject());
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);

        assertThat(bed.errors(bed.call(bank, "/v1/auth", bed.request(deactivated, factors))))
                .containsExactly("IDENTITY_DEACTIVATED");
    }

    @Test
    void anUnknownUinAndAMalformedBodyGetTheirCodes() {
        assertThat(bed.errors(bed.call(
                        bank, "/v1/auth", bed.request("2345678901".substring(0, 9) + "0", rightNameAndBirthDate()))))
                .containsAnyOf("IDENTITY_NOT_FOUND", "REQUEST_INVALID");
        Reply garbage = bed.send(bank, "/v1/auth", "not-a-jws");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(bed.errors(garbage)).containsExactly("REQUEST_MALFORMED");
        Reply json = bed.publicApi.send(
                "POST", "/v1/auth", "{}", "application/json", Map.of("authorization", "Bearer " + bank.apiKey));
        assertThat(json.status()).isEqualTo(415);
    }
}
