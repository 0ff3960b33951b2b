package org.civis.auth.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civis.auth.admission.AuthPathFixture;
import org.civis.auth.bio.BiometricAuthenticator;
import org.civis.auth.bio.BiometricMatchers;
import org.civis.auth.demo.DemographicMatcher;
import org.civis.auth.otp.ContactChannel;
import org.civis.auth.otp.Contacts;
import org.civis.auth.partner.Partner;
import org.civis.auth.partner.PartnerId;
import org.civis.auth.pseudonym.PseudonymousTokens;
import org.civis.auth.refusal.AuthError;
import org.civis.auth.refusal.AuthFailure;
import org.civis.auth.request.PartnerRequest.AuthRequest;
import org.civis.auth.request.RequestKind;
import org.civis.auth.transaction.Committed;
import org.civis.auth.transaction.TransactionId;
import org.civis.core.id.IndividualId;
import org.civis.core.id.Uin;
import org.civis.core.lock.AuthType;
import org.civis.core.refusal.Result;
import org.civis.core.registry.Residents;
import org.civis.core.vid.VidRequest;
import org.civis.core.vid.VidType;
import org.civis.server.partnerapi.TestPartner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The decision on its own, against a real registry (PostgreSQL), a real Hazelcast member and real
 * keys, no HTTP server: the steps refuse in the order {@link AuthDecision#decide} lists them, the
 * factor checks collect every error, and every decision is recorded as it was answered.
 */
class DecisionTest {
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private static AuthPathFixture path;
    private static AuthDecision decision;
    private static Partner bank;
    private static Partner narrow;
    private static Partner noKyc;
    private static Uin amara;
    private static Uin locked;

    @BeforeAll
    static void start() {
        path = new AuthPathFixture();
        var registry = path.registry.registry;
        decision = new AuthDecision(
                path.views,
                new DemographicMatcher(registry.settings().schema()),
                path.otps,
                new BiometricAuthenticator(registry.biometrics(), registry.identities(), BiometricMatchers.installed()),
                new PseudonymousTokens(path.keys.tokenKey()),
                registry.vids(),
                registry.identities(),
                path.recorder,
                path.registry.vertx,
                path.registry.clock);
        bank = partner("bank", List.of("DEMO", "OTP", "BIO"), List.of("fullName", "dateOfBirth"));
        narrow = partner("narrow-bank", List.of("DEMO"), List.of("fullName"));
        noKyc = partner("plain-bank", List.of("DEMO"), List.of());
        amara = path.registry.issue("reg-decision-1", Residents.full(1));
        locked = path.registry.issue("reg-decision-2", Residents.full(2));
        path.call(() -> registry.locks().lock(locked, Set.of(AuthType.DEMO), "test"));
    }

    @AfterAll
    static void stop() {
        path.close();
    }

    private static Partner partner(String id, List<String> authTypes, List<String> kycAttributes) {
        path.register(TestPartner.create(id, false), AuthPathFixture.policy(authTypes, kycAttributes));
        return path.call(() -> path.directory.find(new PartnerId(id))).orElseThrow();
    }

    private static JsonObject demographics(int n) {
        return new JsonObject()
                .put("fullName", new JsonObject().put("eng", "Wanjiru Kamau Otieno " + n))
                .put("gender", "female");
    }

    private static JsonObject payload(String individualId, JsonObject factors) {
        return new JsonObject().put("individualId", individualId).put("factors", factors);
    }

    private static AuthRequest request(RequestKind kind, String transactionId, JsonObject payload) {
        return (AuthRequest)
                path.parser.parse(kind, new TransactionId(transactionId), path.registry.clock.instant(), payload);
    }

    private static AuthOutcome decide(Partner partner, AuthRequest request) {
        Committed<AuthOutcome> committed = path.call(() -> decision.decide(partner, request));
        assertThat(committed).isInstanceOf(Committed.Answer.class);
        return ((Committed.Answer<AuthOutcome>) committed).answer();
    }

    private static String record(Partner partner, String transactionId) {
        return path.registry
                .rows("select kind || ' ' || success || ' ' || array_to_string(errors, ',') || ' '"
                        + " || coalesce(uin, '-') || ' ' || coalesce(id_type, '-') || ' '"
                        + " || array_to_string(auth_types, ',') from auth_transactions where partner_id = '"
                        + partner.id().value() + "' and transaction_id = '" + transactionId + "'")
                .get(0)
                .trim();
    }

    @Test
    void matchingDemographicsAuthenticateWithTheTokenAndAreRecorded() {
        AuthOutcome outcome = decide(bank, request(RequestKind.AUTH, "d-ok", payload(amara.value(), factors(1))));

        assertThat(outcome.failures()).isEmpty();
        assertThat(outcome.authenticated()).isTrue();
        assertThat(outcome.token())
                .hasValueSatisfying(token -> assertThat(token).hasSize(43));
        assertThat(outcome.uin()).contains(amara);
        assertThat(outcome.idType()).contains(IndividualId.Type.UIN);
        assertThat(outcome.kycAttributes()).isEmpty();
        assertThat(record(bank, "d-ok")).isEqualTo("AUTH true  " + amara.value() + " UIN DEMO");
    }

    @Test
    void unreadableFactorsAreRefusedBeforePolicyKycAndIdentityAndRecordedWithoutAuthTypes() {
        JsonObject payload = payload("not a UIN", new JsonObject()).put("consent", false);

        AuthOutcome outcome = decide(noKyc, request(RequestKind.KYC, "d-factors", payload));

        assertThat(outcome.failures()).containsExactly(AuthFailure.of(AuthError.NO_FACTORS, "factors"));
        assertThat(outcome.httpStatus()).isEqualTo(400);
        assertThat(record(noKyc, "d-factors")).isEqualTo("KYC false NO_FACTORS - -");
    }

    @Test
    void thePolicyIsCheckedBeforeTheKycAskAndTheIdentityAndNamesEachForbiddenType() {
        JsonObject factors = factors(1).put("otp", "123456").put("biometrics", new JsonObject());
        JsonObject wrongFactors = factors(1).put("otp", "123456");

        AuthOutcome forbidden =
                decide(narrow, request(RequestKind.KYC, "d-policy", payload("2749503865", wrongFactors)));
        AuthOutcome unreadableFirst =
                decide(narrow, request(RequestKind.AUTH, "d-policy-2", payload(amara.value(), factors)));

        assertThat(forbidden.failures()).containsExactly(AuthFailure.of(AuthError.AUTH_TYPE_NOT_ALLOWED, "OTP"));
        assertThat(forbidden.httpStatus()).isEqualTo(403);
        assertThat(record(narrow, "d-policy")).isEqualTo("KYC false AUTH_TYPE_NOT_ALLOWED - -");
        assertThat(unreadableFirst.failures())
                .containsExactly(AuthFailure.of(AuthError.REQUEST_INVALID, "factors.biometrics"));
    }

    @Test
    void eKycNeedsThePolicyThenConsentThenAllowedAttributes() {
        JsonObject asked = payload(amara.value(), factors(1)).put("consent", true);

        assertThat(decide(noKyc, request(RequestKind.KYC, "k-1", asked.copy())).failures())
                .containsExactly(AuthFailure.of(AuthError.KYC_NOT_ALLOWED));
        Partner withoutKey = new Partner(
                bank.id(),
                bank.name(),
                bank.status(),
                bank.apiKeyDigest(),
                bank.signingKeys(),
                Optional.empty(),
                bank.policy(),
                bank.revision());
        assertThat(decide(withoutKey, request(RequestKind.KYC, "k-nokey", asked.copy()))
                        .failures())
                .as("an OpenID client registered without an encryption key: nothing to seal e-KYC data to")
                .containsExactly(AuthFailure.of(AuthError.KYC_NOT_ALLOWED));
        assertThat(decide(bank, request(RequestKind.KYC, "k-2", asked.copy().put("consent", "yes")))
                        .failures())
                .containsExactly(AuthFailure.of(AuthError.KYC_CONSENT_MISSING, "consent"));
        assertThat(decide(
                                bank,
                                request(
                                        RequestKind.KYC,
                                        "k-3",
                                        asked.copy()
                                                .put(
                                                        "kycAttributes",
                                                        new JsonArray()
                                                                .add("email")
                                                                .add(5))))
                        .failures())
                .containsExactly(AuthFailure.of(AuthError.REQUEST_INVALID, "kycAttributes"));
        assertThat(decide(
                                bank,
                                request(
                                        RequestKind.KYC,
                                        "k-4",
                                        asked.copy()
                                                .put(
                                                        "kycAttributes",
                                                        new JsonArray()
                                                                .add("email")
                                                                .add("fullName")
                                                                .add("phone"))))
                        .failures())
                .containsExactly(
                        AuthFailure.of(AuthError.KYC_ATTRIBUTE_NOT_ALLOWED, "kycAttributes.0"),
                        AuthFailure.of(AuthError.KYC_ATTRIBUTE_NOT_ALLOWED, "kycAttributes.2"));
        assertThat(record(bank, "k-4")).isEqualTo("KYC false KYC_ATTRIBUTE_NOT_ALLOWED,KYC_ATTRIBUTE_NOT_ALLOWED - -");
    }

    @Test
    void eKycReleasesOnlyTheAttributesAskedForAndAllowed() {
        JsonObject asked = payload(amara.value(), factors(1))
                .put("consent", true)
                .put("kycAttributes", new JsonArray().add("fullName"));

        AuthOutcome outcome = decide(bank, request(RequestKind.KYC, "k-ok", asked));
        AuthOutcome all = decide(
                bank,
                request(
                        RequestKind.KYC,
                        "k-all",
                        payload(amara.value(), factors(1)).put("consent", true)));

        assertThat(outcome.authenticated()).isTrue();
        assertThat(outcome.kycAttributes())
                .contains(new JsonObject().put("fullName", new JsonObject().put("eng", "Wanjiru Kamau Otieno 1")));
        assertThat(all.kycAttributes()).hasValueSatisfying(released -> assertThat(released.fieldNames())
                .containsExactlyInAnyOrder("fullName", "dateOfBirth"));
        assertThat(record(bank, "k-ok")).isEqualTo("KYC true  " + amara.value() + " UIN DEMO");
    }

    @Test
    void anIdentityThatCannotBeUsedIsRefusedAndRecordedWithTheAuthTypesAsked() {
        AuthOutcome malformed = decide(bank, request(RequestKind.AUTH, "i-1", payload("12345", factors(1))));
        AuthOutcome unknownType = decide(
                bank,
                request(
                        RequestKind.AUTH,
                        "i-2",
                        payload(amara.value(), factors(1)).put("individualIdType", "NIN")));
        AuthOutcome unknown = decide(bank, request(RequestKind.AUTH, "i-3", payload("2749503865", factors(1))));
        AuthOutcome unknownVid = decide(
                bank,
                request(
                        RequestKind.AUTH,
                        "i-4",
                        payload("274950386518", factors(1)).put("individualIdType", "VID")));

        assertThat(malformed.failures()).containsExactly(AuthFailure.of(AuthError.REQUEST_INVALID, "individualId"));
        assertThat(unknownType.failures())
                .containsExactly(AuthFailure.of(AuthError.REQUEST_INVALID, "individualIdType"));
        assertThat(unknown.failures()).containsExactly(AuthFailure.of(AuthError.IDENTITY_NOT_FOUND));
        assertThat(unknown.httpStatus()).isEqualTo(200);
        assertThat(unknownVid.failures()).containsExactly(AuthFailure.of(AuthError.VID_NOT_FOUND));
        assertThat(record(bank, "i-3")).isEqualTo("AUTH false IDENTITY_NOT_FOUND - - DEMO");
    }

    @Test
    void aLockedAuthTypeIsRefusedBeforeAnyFactorIsChecked() {
        JsonObject wrong = new JsonObject().put("demographics", new JsonObject().put("gender", "male"));

        AuthOutcome outcome = decide(bank, request(RequestKind.AUTH, "l-1", payload(locked.value(), wrong)));

        assertThat(outcome.failures()).containsExactly(AuthFailure.of(AuthError.AUTH_TYPE_LOCKED, "DEMO"));
        assertThat(record(bank, "l-1")).isEqualTo("AUTH false AUTH_TYPE_LOCKED " + locked.value() + " UIN DEMO");
    }

    @Test
    void everyFactorIsCheckedAndEveryErrorCollected() {
        JsonObject factors = new JsonObject()
                .put("demographics", new JsonObject().put("gender", "male"))
                .put("otp", "000000");

        AuthOutcome outcome = decide(bank, request(RequestKind.AUTH, "f-1", payload(amara.value(), factors)));

        assertThat(outcome.authenticated()).isFalse();
        assertThat(outcome.failures())
                .containsExactly(
                        AuthFailure.of(AuthError.DEMO_MISMATCH, "demographics.gender"),
                        AuthFailure.of(AuthError.OTP_NOT_REQUESTED, "otp"));
        assertThat(record(bank, "f-1"))
                .isEqualTo("AUTH false DEMO_MISMATCH,OTP_NOT_REQUESTED " + amara.value() + " UIN DEMO,OTP");
    }

    @Test
    void aOneTimePasswordSentForThePartnerAuthenticatesOnce() {
        path.call(() -> path.otps.issue(
                amara,
                "bank",
                new Contacts(Optional.of("+254700000001"), Optional.empty()),
                EnumSet.allOf(ContactChannel.class)));
        Matcher code = CODE.matcher(path.sent.get(path.sent.size() - 1).text());
        assertThat(code.find()).isTrue();
        JsonObject factors = new JsonObject().put("otp", code.group(1));

        AuthOutcome first = decide(bank, request(RequestKind.AUTH, "o-1", payload(amara.value(), factors)));
        AuthOutcome second = decide(bank, request(RequestKind.AUTH, "o-2", payload(amara.value(), factors)));

        assertThat(first.authenticated()).isTrue();
        assertThat(second.failures()).containsExactly(AuthFailure.of(AuthError.OTP_NOT_REQUESTED, "otp"));
    }

    @Test
    void aVidLimitedToOneUseAuthenticatesOnceAndIsRecordedAsAVid() {
        Uin owner = path.registry.issue("reg-decision-3", Residents.full(3));
        String vid = path.call(() -> path.registry
                        .registry
                        .vids()
                        .create(owner, new VidRequest(VidType.TEMPORARY, Optional.empty(), Optional.of(1)), "test")
                        .map(Result::orElseThrow))
                .vid()
                .value();
        JsonObject payload = payload(vid, factors(3)).put("individualIdType", "VID");

        AuthOutcome first = decide(bank, request(RequestKind.AUTH, "v-1", payload.copy()));
        AuthOutcome second = decide(bank, request(RequestKind.AUTH, "v-2", payload.copy()));

        assertThat(first.authenticated()).isTrue();
        assertThat(first.idType()).contains(IndividualId.Type.VID);
        assertThat(record(bank, "v-1")).isEqualTo("AUTH true  " + owner.value() + " VID DEMO");
        assertThat(second.authenticated()).isFalse();
        assertThat(second.failures()).containsExactly(AuthFailure.of(AuthError.VID_USED_UP));
    }

    @Test
    void aTransactionIdAlreadyRecordedIsNotAnsweredAsDecided() {
        AuthRequest request = request(RequestKind.AUTH, "r-1", payload(amara.value(), factors(1)));
        assertThat(decide(bank, request).authenticated()).isTrue();

        Committed<AuthOutcome> again = path.call(() -> decision.decide(bank, request));

        assertThat(again)
                .isEqualTo(new Committed.Unrecorded<AuthOutcome>(
                        AuthFailure.of(AuthError.TRANSACTION_REPLAYED, "transactionId")));
        assertThat(path.registry.count(
                        "select count(*) from auth_transactions where partner_id = 'bank' and transaction_id = 'r-1'"))
                .isEqualTo(1);
    }

    private static JsonObject factors(int n) {
        return new JsonObject().put("demographics", demographics(n));
    }
}
