package org.civis.auth.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.civis.auth.demo.MatchStrategy;
import org.civis.auth.keys.AuthKeys;
import org.civis.auth.keys.TestKeys;
import org.civis.auth.otp.ContactChannel;
import org.civis.auth.refusal.AuthError;
import org.civis.auth.refusal.Parsed;
import org.civis.auth.request.PartnerRequest.AuthRequest;
import org.civis.auth.request.PartnerRequest.OtpRequest;
import org.civis.auth.transaction.TransactionId;
import org.civis.core.id.IndividualId;
import org.civis.core.id.Uin;
import org.civis.core.id.Vid;
import org.civis.core.lock.AuthType;
import org.junit.jupiter.api.Test;

/**
 * The parser reads each part of a request once, into typed values; a part that is missing or
 * malformed becomes the failure the API reports for it, with the same precedence as before.
 */
class RequestParserTest {
    private static final AuthKeys KEYS = TestKeys.SERVER;
    private static final String UIN = "2749503865";
    private static final String VID = "274950386518";
    private static final TransactionId TRANSACTION = new TransactionId("t-1");
    private static final Instant TIME = Instant.parse("2026-11-25T09:00:00Z");

    private final RequestParser parser = new RequestParser(new FactorDecryptor(KEYS));

    private AuthRequest auth(RequestKind kind, JsonObject payload) {
        return (AuthRequest) parser.parse(kind, TRANSACTION, TIME, payload);
    }

    private static <T> T value(Parsed<T> parsed) {
        assertThat(parsed).isInstanceOf(Parsed.Value.class);
        return ((Parsed.Value<T>) parsed).value();
    }

    @Test
    void theTransactionIdAndRequestTimeAreReadOrNamedAsInvalid() {
        JsonObject good =
                new JsonObject().put("transactionId", "bank:2026-11-25.001").put("requestTime", TIME.toString());

        assertThat(RequestParser.transactionId(good)).isEqualTo(Parsed.of(new TransactionId("bank:2026-11-25.001")));
        assertThat(RequestParser.requestTime(good)).isEqualTo(Parsed.of(TIME));
        assertThat(RequestParser.transactionId(new JsonObject().put("transactionId", "x".repeat(65))))
                .isEqualTo(Parsed.invalid(AuthError.REQUEST_INVALID, "transactionId"));
        assertThat(RequestParser.transactionId(new JsonObject().put("transactionId", 42)))
                .isEqualTo(Parsed.invalid(AuthError.REQUEST_INVALID, "transactionId"));
        assertThat(RequestParser.requestTime(new JsonObject()))
                .isEqualTo(Parsed.invalid(AuthError.REQUEST_INVALID, "requestTime"));
        assertThat(RequestParser.requestTime(new JsonObject().put("requestTime", "2026-11-25")))
                .isEqualTo(Parsed.invalid(AuthError.REQUEST_INVALID, "requestTime"));
    }

    @Test
    void theIndividualIdIsAUinByDefaultOrAVidWhenTypedSo() {
        assertThat(RequestParser.individualId(new JsonObject().put("individualId", UIN)))
                .isEqualTo(Parsed.<IndividualId>of(new Uin(UIN)));
        assertThat(RequestParser.individualId(
                        new JsonObject().put("individualId", VID).put("individualIdType", "VID")))
                .isEqualTo(Parsed.<IndividualId>of(new Vid(VID)));
        assertThat(value(RequestParser.individualId(
                                new JsonObject().put("individualId", VID).put("individualIdType", "VID")))
                        .type())
                .isEqualTo(IndividualId.Type.VID);
    }

    @Test
    void aMissingOrMalformedNumberIsReportedBeforeAnUnknownType() {
        assertThat(RequestParser.individualId(new JsonObject().put("individualIdType", "PASSPORT")))
                .isEqualTo(Parsed.invalid(AuthError.REQUEST_INVALID, "individualId"));
        assertThat(RequestParser.individualId(new JsonObject().put("individualId", 2749503865L)))
                .isEqualTo(Parsed.invalid(AuthError.REQUEST_INVALID, "individualId"));
        assertThat(RequestParser.individualId(new JsonObject().put("individualId", "2749503866")))
                .as("a wrong check digit")
                .isEqualTo(Parsed.invalid(AuthError.REQUEST_INVALID, "individualId"));
        assertThat(RequestParser.individualId(
                        new JsonObject().put("individualId", UIN).put("individualIdType", "VID")))
                .as("a UIN is too short for a VID")
                .isEqualTo(Parsed.invalid(AuthError.REQUEST_INVALID, "individualId"));
        assertThat(RequestParser.individualId(
                        new JsonObject().put("individualId", UIN).put("individualIdType", "PASSPORT")))
                .isEqualTo(Parsed.invalid(AuthError.REQUEST_INVALID, "individualIdType"));
    }

    @Test
    void factorsAreReadIntoTypedPartsWithTheirAuthTypes() {
        JsonObject factors = new JsonObject()
                .put("demographics", new JsonObject().put("gender", "female"))
                .put(
                        "nameMatching",
                        new JsonObject().put("strategy", "PHONETIC").put("threshold", 0.8))
                .put("otp", "004217");

        RequestedFactors read = value(
                auth(RequestKind.AUTH, new JsonObject().put("factors", factors)).factors());

        assertThat(read.authTypes()).containsExactly(AuthType.DEMO, AuthType.OTP);
        assertThat(read.demographics()).contains(new JsonObject().put("gender", "female"));
        assertThat(read.strategy()).isEqualTo(MatchStrategy.PHONETIC);
        assertThat(read.threshold()).contains(0.8);
        assertThat(read.otp()).contains("004217");
        assertThat(read.biometrics()).isEmpty();
    }

    @Test
    void encryptedFactorsAreOpenedOnceAndForeignOnesAreUnreadable() throws JOSEException {
        JsonObject factors = new JsonObject().put("otp", "004217");

        RequestedFactors read = value(auth(RequestKind.AUTH, new JsonObject().put("factors", encrypted(factors)))
                .factors());

        assertThat(read.otp()).contains("004217");
        assertThat(auth(RequestKind.AUTH, new JsonObject().put("factors", "a.b.c.d.e"))
                        .factors())
                .isEqualTo(Parsed.invalid(AuthError.FACTORS_UNREADABLE, "factors"));
    }

    @Test
    void theFirstFaultInTheFactorsNamesThem() {
        assertThat(factorsOf(null)).isEqualTo(Parsed.invalid(AuthError.NO_FACTORS, "factors"));
        assertThat(factorsOf(new JsonObject())).isEqualTo(Parsed.invalid(AuthError.NO_FACTORS, "factors"));
        assertThat(factorsOf(new JsonObject().put("password", "x").put("otp", 5)))
                .as("an unknown member before a malformed one")
                .isEqualTo(Parsed.invalid(AuthError.REQUEST_INVALID, "factors"));
        assertThat(factorsOf(new JsonObject().put("demographics", "female").put("otp", 5)))
                .isEqualTo(Parsed.invalid(AuthError.REQUEST_INVALID, "factors.demographics"));
        assertThat(factorsOf(new JsonObject()
                        .put("otp", "1")
                        .put(
                                "nameMatching",
                                new JsonObject().put("strategy", "FUZZY").put("threshold", "high"))))
                .isEqualTo(Parsed.invalid(AuthError.REQUEST_INVALID, "factors.nameMatching.strategy"));
        assertThat(factorsOf(new JsonObject()
                        .put("otp", "1")
                        .put("nameMatching", new JsonObject().put("threshold", "high"))
                        .put("biometrics", "none")))
                .isEqualTo(Parsed.invalid(AuthError.DEMO_THRESHOLD_INVALID, "factors.nameMatching.threshold"));
        assertThat(factorsOf(new JsonObject().put("otp", "1").put("biometrics", new JsonObject().put("voice", 1))))
                .isEqualTo(Parsed.invalid(AuthError.REQUEST_INVALID, "factors.biometrics"));
        assertThat(factorsOf(new JsonObject().put("nameMatching", new JsonObject())))
                .isEqualTo(Parsed.invalid(AuthError.NO_FACTORS, "factors"));
    }

    @Test
    void onlyAnEKycRequestCarriesAKycAsk() {
        JsonObject payload = new JsonObject()
                .put("consent", true)
                .put("kycAttributes", new JsonArray().add("fullName").add("email"));

        assertThat(auth(RequestKind.AUTH, payload).kyc()).isEmpty();
        assertThat(auth(RequestKind.KYC, payload).kyc())
                .contains(new KycAsk(true, Parsed.of(Optional.of(List.of("fullName", "email")))));
        assertThat(auth(RequestKind.KYC, new JsonObject().put("consent", "true"))
                        .kyc())
                .contains(new KycAsk(false, Parsed.of(Optional.empty())));
        assertThat(auth(
                                RequestKind.KYC,
                                new JsonObject()
                                        .put(
                                                "kycAttributes",
                                                new JsonArray().add("email").add(3)))
                        .kyc())
                .contains(new KycAsk(false, Parsed.invalid(AuthError.REQUEST_INVALID, "kycAttributes")));
        assertThat(auth(RequestKind.KYC, new JsonObject().put("kycAttributes", "email"))
                        .kyc())
                .contains(new KycAsk(false, Parsed.invalid(AuthError.REQUEST_INVALID, "kycAttributes")));
    }

    @Test
    void anOtpRequestNamesItsChannelsOrGetsBoth() {
        OtpRequest both = (OtpRequest) parser.parse(RequestKind.OTP, TRANSACTION, TIME, new JsonObject());
        OtpRequest email = (OtpRequest) parser.parse(
                RequestKind.OTP, TRANSACTION, TIME, new JsonObject().put("channels", new JsonArray().add("EMAIL")));

        assertThat(both.kind()).isEqualTo(RequestKind.OTP);
        assertThat(both.channels()).isEqualTo(Parsed.of(Set.of(ContactChannel.PHONE, ContactChannel.EMAIL)));
        assertThat(email.channels()).isEqualTo(Parsed.of(Set.of(ContactChannel.EMAIL)));
        assertThat(RequestParser.channels(new JsonObject().put("channels", new JsonArray())))
                .isEqualTo(Parsed.invalid(AuthError.REQUEST_INVALID, "channels"));
        assertThat(RequestParser.channels(new JsonObject().put("channels", new JsonArray().add("SMS"))))
                .isEqualTo(Parsed.invalid(AuthError.REQUEST_INVALID, "channels"));
        assertThat(RequestParser.channels(new JsonObject().putNull("channels")))
                .isEqualTo(Parsed.invalid(AuthError.REQUEST_INVALID, "channels"));
    }

    private Parsed<RequestedFactors> factorsOf(JsonObject factors) {
        return auth(RequestKind.AUTH, new JsonObject().put("factors", factors)).factors();
    }

    private static String encrypted(JsonObject factors) throws JOSEException {
        JWEObject jwe = new JWEObject(
                new JWEHeader.Builder(JWEAlgorithm.ECDH_ES, EncryptionMethod.A256GCM)
                        .keyID(KEYS.encryptionKey().getKeyID())
                        .build(),
                new Payload(factors.encode()));
        jwe.encrypt(new ECDHEncrypter(KEYS.encryptionKey().toPublicJWK()));
        return jwe.serialize();
    }
}
