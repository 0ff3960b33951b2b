package org.civis.auth.admission;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.civis.auth.partner.ApiKeys;
import org.civis.auth.partner.PartnerId;
import org.civis.auth.partner.PartnerStatus;
import org.civis.auth.refusal.AuthError;
import org.civis.auth.refusal.AuthFailure;
import org.civis.auth.refusal.Parsed;
import org.civis.auth.request.PartnerRequest.AuthRequest;
import org.civis.auth.request.PartnerRequest.OtpRequest;
import org.civis.auth.request.RequestKind;
import org.civis.auth.request.RequestedFactors;
import org.civis.auth.transaction.TransactionId;
import org.civis.core.id.Uin;
import org.civis.core.lock.AuthType;
import org.civis.server.partnerapi.TestPartner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Admission on its own, against a real Hazelcast member and real partner records, no HTTP server:
 * each stage refuses with its code, in the order listed in {@link Admission#admit}, and names the
 * partner and transaction once they are known.
 */
class AdmissionTest {
    private static final String UIN = "2749503865";
    private static final Duration WINDOW = Duration.ofMinutes(5);

    private static AuthPathFixture path;
    private static Admission admission;
    private static TestPartner bank;
    private static TestPartner suspended;
    private static TestPartner slow;

    @BeforeAll
    static void start() {
        path = new AuthPathFixture();
        admission = new Admission(
                path.directory, new SignedRequestVerifier(), path.parser, path.member, WINDOW, path.registry.clock);
        bank = path.register(
                TestPartner.create("bank", false), AuthPathFixture.policy(List.of("DEMO", "OTP"), List.of()));
        suspended = path.register(
                TestPartner.create("closed-bank", false), AuthPathFixture.policy(List.of("DEMO"), List.of()));
        path.call(() -> path.partners.setStatus(new PartnerId(suspended.id), PartnerStatus.SUSPENDED, "test"));
        slow = path.register(
                TestPartner.create("slow-bank", true),
                AuthPathFixture.policy(List.of("DEMO"), List.of()).put("requestsPerSecond", 1));
    }

    @AfterAll
    static void stop() {
        path.close();
    }

    private static JsonObject payload(String transactionId) {
        return new JsonObject()
                .put("transactionId", transactionId)
                .put("requestTime", path.registry.clock.instant().toString())
                .put("individualId", UIN)
                .put("factors", new JsonObject().put("demographics", new JsonObject().put("gender", "female")));
    }

    private static AdmissionResult admit(RequestKind kind, TestPartner partner, String body) {
        return path.call(() -> admission.admit(kind, Optional.of("Bearer " + partner.apiKey), body));
    }

    private static PartnerRefusal refused(AdmissionResult result) {
        assertThat(result).isInstanceOf(PartnerRefusal.class);
        return (PartnerRefusal) result;
    }

    private static void assertRefusal(
            AdmissionResult result, AuthFailure failure, Optional<String> partner, Optional<String> transaction) {
        PartnerRefusal refusal = refused(result);
        assertThat(refusal.failures()).containsExactly(failure);
        assertThat(refusal.partner()).isEqualTo(partner.map(PartnerId::new));
        assertThat(refusal.transactionId()).isEqualTo(transaction.map(TransactionId::new));
    }

    @Test
    void aSignedRequestOfAnActivePartnerIsAdmittedParsed() {
        JsonObject payload = payload("admit-1");

        AdmissionResult result = admit(RequestKind.AUTH, bank, bank.sign(payload));

        assertThat(result).isInstanceOf(AdmittedRequest.class);
        AdmittedRequest admitted = (AdmittedRequest) result;
        assertThat(admitted.partner().id()).isEqualTo(new PartnerId("bank"));
        AuthRequest request = (AuthRequest) admitted.request();
        assertThat(request.kind()).isEqualTo(RequestKind.AUTH);
        assertThat(request.transactionId()).isEqualTo(new TransactionId("admit-1"));
        assertThat(request.requestTime()).isEqualTo(path.registry.clock.instant());
        assertThat(request.individualId()).isEqualTo(Parsed.of(new Uin(UIN)));
        assertThat(request.kyc()).isEmpty();
        assertThat(((Parsed.Value<RequestedFactors>) request.factors()).value().authTypes())
                .containsExactly(AuthType.DEMO);
    }

    @Test
    void theApiKeyIsCheckedFirstAndNamesNobody() {
        String body = bank.sign(payload("key-1"));

        assertRefusal(
                path.call(() -> admission.admit(RequestKind.AUTH, Optional.empty(), body)),
                AuthFailure.of(AuthError.API_KEY_MISSING),
                Optional.empty(),
                Optional.empty());
        assertRefusal(
                path.call(() -> admission.admit(RequestKind.AUTH, Optional.of("Basic " + bank.apiKey), body)),
                AuthFailure.of(AuthError.API_KEY_MISSING),
                Optional.empty(),
                Optional.empty());
        assertRefusal(
                path.call(() -> admission.admit(RequestKind.AUTH, Optional.of("Bearer not-a-key"), body)),
                AuthFailure.of(AuthError.API_KEY_INVALID),
                Optional.empty(),
                Optional.empty());
    }

    @Test
    void thePartnerMustExistOwnTheKeyAndBeActiveAndIsNamedOnceTheKeyMatches() {
        String body = bank.sign(payload("partner-1"));

        assertRefusal(
                path.call(() -> admission.admit(
                        RequestKind.AUTH, Optional.of("Bearer " + ApiKeys.newKey(new PartnerId("nobody"))), body)),
                AuthFailure.of(AuthError.PARTNER_UNKNOWN),
                Optional.empty(),
                Optional.empty());
        assertRefusal(
                path.call(() -> admission.admit(
                        RequestKind.AUTH, Optional.of("Bearer " + ApiKeys.newKey(new PartnerId("bank"))), body)),
                AuthFailure.of(AuthError.API_KEY_INVALID),
                Optional.empty(),
                Optional.empty());
        assertRefusal(
                admit(RequestKind.AUTH, suspended, suspended.sign(payload("partner-2"))),
                AuthFailure.of(AuthError.PARTNER_SUSPENDED),
                Optional.of("closed-bank"),
                Optional.empty());
    }

    @Test
    void aPartnerOverItsRateIsRefusedBeforeItsSignatureIsChecked() {
        List<AdmissionResult> results = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            results.add(admit(RequestKind.AUTH, slow, "not even a JWS"));
        }

        assertThat(results).allSatisfy(result -> assertThat(result).isInstanceOf(PartnerRefusal.class));
        assertThat(results.stream()
                        .map(r -> ((PartnerRefusal) r).failures().get(0).code()))
                .contains(AuthError.RATE_LIMITED, AuthError.REQUEST_MALFORMED)
                .containsOnly(AuthError.RATE_LIMITED, AuthError.REQUEST_MALFORMED);
        assertThat(results.stream().map(r -> ((PartnerRefusal) r).partner()))
                .containsOnly(Optional.of(new PartnerId("slow-bank")));
    }

    @Test
    void theSignatureIsCheckedBeforeThePayloadIsRead() {
        TestPartner impostor = TestPartner.create("bank", false);
        JsonObject unreadable = new JsonObject().put("requestTime", "yesterday");

        assertRefusal(
                admit(RequestKind.AUTH, bank, "not a JWS"),
                AuthFailure.of(AuthError.REQUEST_MALFORMED),
                Optional.of("bank"),
                Optional.empty());
        assertRefusal(
                admit(RequestKind.AUTH, bank, bank.sign(unreadable, impostor.signingKey)),
                AuthFailure.of(AuthError.SIGNATURE_INVALID),
                Optional.of("bank"),
                Optional.empty());
    }

    @Test
    void theTransactionIdIsReadBeforeTheRequestTimeAndNamedOnceRead() {
        JsonObject neither = payload("x").put("transactionId", "has spaces").put("requestTime", "yesterday");
        JsonObject badTime = payload("time-1").put("requestTime", "yesterday");
        JsonObject late = payload("time-2")
                .put(
                        "requestTime",
                        path.registry
                                .clock
                                .instant()
                                .minus(WINDOW)
                                .minusSeconds(1)
                                .toString());

        assertRefusal(
                admit(RequestKind.AUTH, bank, bank.sign(neither)),
                AuthFailure.of(AuthError.REQUEST_INVALID, "transactionId"),
                Optional.of("bank"),
                Optional.empty());
        assertRefusal(
                admit(RequestKind.AUTH, bank, bank.sign(badTime)),
                AuthFailure.of(AuthError.REQUEST_INVALID, "requestTime"),
                Optional.of("bank"),
                Optional.of("time-1"));
        assertRefusal(
                admit(RequestKind.AUTH, bank, bank.sign(late)),
                AuthFailure.of(AuthError.REQUEST_TIME_OUT_OF_WINDOW, "requestTime"),
                Optional.of("bank"),
                Optional.of("time-2"));
    }

    @Test
    void aRequestOutOfTheWindowIsRefusedBeforeItsTransactionIdIsSpent() {
        JsonObject late = payload("spent-late")
                .put(
                        "requestTime",
                        path.registry
                                .clock
                                .instant()
                                .plus(WINDOW)
                                .plusSeconds(1)
                                .toString());
        assertThat(refused(admit(RequestKind.AUTH, bank, bank.sign(late))).failures())
                .extracting(AuthFailure::code)
                .containsExactly(AuthError.REQUEST_TIME_OUT_OF_WINDOW);

        AdmissionResult inTime = admit(RequestKind.AUTH, bank, bank.sign(payload("spent-late")));

        assertThat(inTime).isInstanceOf(AdmittedRequest.class);
    }

    @Test
    void aReplayedTransactionIdIsRefusedNamingPartnerAndTransactionButOnlyForItsKind() {
        String body = bank.sign(payload("replay-1"));
        assertThat(admit(RequestKind.AUTH, bank, body)).isInstanceOf(AdmittedRequest.class);

        AdmissionResult again = admit(RequestKind.AUTH, bank, body);
        AdmissionResult asOtp = admit(RequestKind.OTP, bank, body);

        assertRefusal(
                again,
                AuthFailure.of(AuthError.TRANSACTION_REPLAYED, "transactionId"),
                Optional.of("bank"),
                Optional.of("replay-1"));
        assertThat(((PartnerRefusal) again).httpStatus()).isEqualTo(409);
        assertThat(asOtp).isInstanceOf(AdmittedRequest.class);
        assertThat(((AdmittedRequest) asOtp).request()).isInstanceOf(OtpRequest.class);
    }

    @Test
    void partsAfterTheTimeAreParsedButNotJudgedByAdmission() {
        JsonObject odd = payload("parts-1").put("individualIdType", "PASSPORT").putNull("factors");

        AdmissionResult result = admit(RequestKind.KYC, bank, bank.sign(odd));

        AuthRequest request = (AuthRequest) ((AdmittedRequest) result).request();
        assertThat(request.individualId()).isEqualTo(Parsed.invalid(AuthError.REQUEST_INVALID, "individualIdType"));
        assertThat(request.factors()).isEqualTo(Parsed.invalid(AuthError.NO_FACTORS, "factors"));
        assertThat(request.kyc())
                .hasValueSatisfying(ask -> assertThat(ask.consent()).isFalse());
        assertThat(request.requestTime()).isEqualTo(Instant.parse(odd.getString("requestTime")));
    }
}
