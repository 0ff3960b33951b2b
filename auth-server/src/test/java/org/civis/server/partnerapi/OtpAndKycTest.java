package org.civis.server.partnerapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.civis.core.registry.Residents;
import org.civis.server.HttpClientForTests.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One-time passwords and e-KYC through the partner API, and the resident API behind an OTP sign-in. */
class OtpAndKycTest {
    private static AuthTestbed bed;
    private static TestPartner bank;

    @BeforeAll
    static void start() {
        bed = new AuthTestbed(Map.of("CIVIS_OTP_MAX_REQUESTS", "3"));
        bank = bed.register(
                "kyc-bank",
                AuthTestbed.policy("DEMO", "OTP")
                        .put("kycAttributes", new JsonArray().add("fullName").add("dateOfBirth")));
    }

    @AfterAll
    static void stop() {
        bed.close();
    }

    /** Sends an OTP for a new resident under a new transaction; returns {uin, transaction, code}. */
    private static String[] otpFor(int resident) {
        JsonObject person = Residents.full(resident);
        String uin = bed.enroll(person);
        JsonObject request = bed.request(uin, new JsonObject()).put("channels", new JsonArray().add("PHONE"));
        request.remove("factors");
        Reply sent = bed.call(bank, "/v1/otp", request);
        JsonObject answer = bed.answer(sent);
        assertThat(answer.getBoolean("sent")).as(answer.encode()).isTrue();
        String phone = person.getString("phone");
        assertThat(answer.getJsonArray("maskedContacts"))
                .containsExactly("*".repeat(phone.length() - 4) + phone.substring(phone.length() - 3));
        return new String[] {uin, request.getString("transactionId"), bed.lastCodeSentTo(phone)};
    }

    private static Reply authWithOtp(String uin, String code) {
        return bed.call(bank, "/v1/auth", bed.request(uin, new JsonObject().put("otp", code)));
    }

    @Test
    void theRightCodeAuthenticatesOnceAndOnlyForThePartnerThatAskedForIt() {
        String[] otp = otpFor(101);
        TestPartner other = bed.register("other-bank", AuthTestbed.policy("OTP"));

        assertThat(bed.errors(bed.call(other, "/v1/auth", bed.request(otp[0], new JsonObject().put("otp", otp[2])))))
                .containsExactly("OTP_NOT_REQUESTED");
        assertThat(bed.answer(authWithOtp(otp[0], otp[2])).getBoolean("authenticated"))
                .isTrue();
        assertThat(bed.errors(authWithOtp(otp[0], otp[2]))).containsExactly("OTP_NOT_REQUESTED");
    }

    @Test
    void aWrongCodeIsInvalidAndTheThirdWrongOneLocksTheCode() {
        String[] otp = otpFor(102);
        String wrong = otp[2].equals("000000") ? "111111" : "000000";

        assertThat(bed.errors(authWithOtp(otp[0], wrong))).containsExactly("OTP_INVALID");
        assertThat(bed.errors(authWithOtp(otp[0], wrong))).containsExactly("OTP_INVALID");
        assertThat(bed.errors(authWithOtp(otp[0], wrong))).containsExactly("OTP_LOCKED");
        assertThat(bed.errors(authWithOtp(otp[0], otp[2]))).containsExactly("OTP_LOCKED");
    }

    @Test
    void anExpiredCodeIsRefused() {
        String[] otp = otpFor(103);

        bed.clock.advance(Duration.ofSeconds(181));

        assertThat(bed.errors(authWithOtp(otp[0], otp[2]))).containsExactly("OTP_EXPIRED");
    }

    @Test
    void codesPerIdentityAreRateLimited() {
        String uin = bed.enroll(Residents.full(104));
        for (int i = 0; i < 3; i++) {
            JsonObject request = bed.request(uin, new JsonObject());
            request.remove("factors");
            assertThat(bed.answer(bed.call(bank, "/v1/otp", request)).getBoolean("sent"))
                    .isTrue();
        }
        JsonObject fourth = bed.request(uin, new JsonObject());
        fourth.remove("factors");

        Reply refused = bed.call(bank, "/v1/otp", fourth);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(bed.errors(refused)).containsExactly("OTP_RATE_LIMITED");
    }

    @Test
    void kycReleasesExactlyTheAllowedAttributesEncryptedToThePartner() throws Exception {
        JsonObject person = Residents.full(105);
        String uin = bed.enroll(person);
        JsonObject request = bed.request(
                        uin,
                        new JsonObject()
                                .put(
                                        "demographics",
                                        new JsonObject().put("dateOfBirth", person.getString("dateOfBirth"))))
                .put("consent", true);

        Reply reply = bed.call(bank, "/v1/kyc", request);

        assertThat(reply.status()).isEqualTo(200);
        JWEObject sealed = JWEObject.parse(reply.body());
        JWEObject otherKey = JWEObject.parse(reply.body());
        var stranger = new ECKeyGenerator(Curve.P_256).generate();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> otherKey.decrypt(new ECDHDecrypter(stranger)))
                .isInstanceOf(com.nimbusds.jose.JOSEException.class);
        sealed.decrypt(new ECDHDecrypter(bank.encryptionKey));
        JWSObject signed = sealed.getPayload().toJWSObject();
        JsonObject answer = bed.answer(new Reply(200, signed.serialize(), "application/jose"));
        assertThat(answer.getBoolean("authenticated")).isTrue();
        assertThat(answer.getJsonObject("identity").fieldNames()).containsExactlyInAnyOrder("fullName", "dateOfBirth");
        assertThat(answer.getJsonObject("identity").getString("dateOfBirth"))
                .isEqualTo(person.getString("dateOfBirth"));
    }

    @Test
    void kycNeedsConsentAndRefusesAttributesOutsideThePolicy() {
        JsonObject person = Residents.full(106);
        String uin = bed.enroll(person);
        JsonObject factors = new JsonObject()
                .put("demographics", new JsonObject().put("dateOfBirth", person.getString("dateOfBirth")));

        assertThat(bed.errors(bed.call(bank, "/v1/kyc", bed.request(uin, factors))))
                .containsExactly("KYC_CONSENT_MISSING");
        Reply phone = bed.call(
                bank,
                "/v1/kyc",
                bed.request(uin, factors).put("consent", true).put("kycAttributes", new JsonArray().add("phone")));
        assertThat(phone.status()).isEqualTo(403);
        assertThat(bed.errors(phone)).containsExactly("KYC_ATTRIBUTE_NOT_ALLOWED");
        TestPartner noKyc = bed.register("no-kyc-bank", AuthTestbed.policy("DEMO"));
        assertThat(bed.errors(
                        bed.call(noKyc, "/v1/kyc", bed.request(uin, factors).put("consent", true))))
                .containsExactly("KYC_NOT_ALLOWED");

        JsonObject ask = bed.request(uin, new JsonObject());
        ask.remove("factors");
        Reply otp = bed.call(noKyc, "/v1/otp", ask);
        assertThat(otp.status()).isEqualTo(403);
        assertThat(bed.answer(otp).getString("transactionId")).isEqualTo(ask.getString("transactionId"));
        assertThat(bed.errors(otp)).containsExactly("AUTH_TYPE_NOT_ALLOWED");
    }

    @Test
    void aResidentSignsInWithACodeLocksOtpAndSeesTheHistory() {
        JsonObject person = Residents.full(107);
        String uin = bed.enroll(person);
        JsonObject factors = new JsonObject()
                .put("demographics", new JsonObject().put("dateOfBirth", person.getString("dateOfBirth")));
        assertThat(bed.answer(bed.call(bank, "/v1/auth", bed.request(uin, factors)))
                        .getBoolean("authenticated"))
                .isTrue();

        JsonObject ask = new JsonObject()
                .put("individualId", uin)
                .put("transactionId", "portal-1")
                .put("channels", new JsonArray().add("EMAIL"));
        Reply sent = bed.publicApi.post("/v1/resident/otp", ask);
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        String code = bed.lastCodeSentTo(person.getString("email"));
        Reply wrong = bed.publicApi.post(
                "/v1/resident/session",
                new JsonObject()
                        .put("individualId", uin)
                        .put("transactionId", "portal-1")
                        .put("otp", "12345x"));
        assertThat(wrong.status()).isEqualTo(401);
        Reply session = bed.publicApi.post(
                "/v1/resident/session",
                new JsonObject()
                        .put("individualId", uin)
                        .put("transactionId", "portal-1")
                        .put("otp", code));
        assertThat(session.status()).as(session.body()).isEqualTo(200);
        Map<String, String> bearer =
                Map.of("authorization", "Bearer " + session.json().getString("sessionToken"));

        Reply locked = bed.publicApi.send(
                "POST",
                "/v1/resident/me/locks",
                new JsonObject()
                        .put("authTypes", new JsonArray().add("demo"))
                        .put("locked", true)
                        .encode(),
                "application/json",
                bearer);
        assertThat(locked.json()
                        .getJsonObject("authTypes")
                        .getJsonObject("demo")
                        .getBoolean("locked"))
                .isTrue();
        assertThat(bed.errors(bed.call(bank, "/v1/auth", bed.request(uin, factors))))
                .containsExactly("AUTH_TYPE_LOCKED");

        Reply vid = bed.publicApi.send(
                "POST",
                "/v1/resident/me/vids",
                new JsonObject().put("type", "TEMPORARY").encode(),
                "application/json",
                bearer);
        assertThat(vid.status()).as(vid.body()).isEqualTo(200);

        awaitHistory(bearer, 5); // two partner answers, the code sent, a wrong and a right sign-in
        JsonArray history = bed.publicApi
                .send("GET", "/v1/resident/me/history", null, null, bearer)
                .json()
                .getJsonArray("transactions");
        assertThat(history.stream()
                        .map(t ->
                                ((JsonObject) t).getString("partnerId") + " " + ((JsonObject) t).getBoolean("success")))
                .contains("kyc-bank true", "kyc-bank false", "resident true", "resident false");
        assertThat(bed.publicApi
                        .send("GET", "/v1/resident/me/history", null, null, Map.of("authorization", "Bearer nope"))
                        .status())
                .isEqualTo(401);
    }

    private static void awaitHistory(Map<String, String> bearer, int atLeast) {
        // Transactions are written in batches off the request path (every 200 ms by default).
        for (int i = 0; i < 100; i++) {
            JsonArray history = bed.publicApi
                    .send("GET", "/v1/resident/me/history", null, null, bearer)
                    .json()
                    .getJsonArray("transactions");
            if (history.size() >= atLeast) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
