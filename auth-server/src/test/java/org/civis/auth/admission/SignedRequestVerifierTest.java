package org.civis.auth.admission;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.civis.auth.admission.RequestVerification.Outcome;
import org.civis.auth.keys.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignedRequestVerifierTest {

    private static final String REQUEST = "{\"uin\":\"2749503865\",\"otp\":\"481516\"}";
    private static final OctetKeyPair ED25519 = TestKeys.ed25519("bank-ed-1");
    private static final ECKey P256 = TestKeys.p256("bank-ec-1");

    private final SignedRequestVerifier verifier = new SignedRequestVerifier();
    private final List<JWK> partnerKeys = List.of(ED25519.toPublicJWK(), P256.toPublicJWK());

    @Test
    void aGoodEd25519RequestIsValidWithItsPayloadAndKid() throws Exception {
        RequestVerification result = verifier.verify(sign(JWSAlgorithm.EdDSA, "bank-ed-1", ed25519()), partnerKeys);

        assertThat(result.outcome()).isEqualTo(Outcome.VALID);
        assertThat(result.payload().getString("uin")).isEqualTo("2749503865");
        assertThat(result.keyId()).isEqualTo("bank-ed-1");
        assertThat(result.toString()).doesNotContain("2749503865");
    }

    @Test
    void aGoodEs256RequestIsValidWithItsPayloadAndKid() throws Exception {
        RequestVerification result = verifier.verify(sign(JWSAlgorithm.ES256, "bank-ec-1", es256()), partnerKeys);

        assertThat(result.outcome()).isEqualTo(Outcome.VALID);
        assertThat(result.payload().getString("otp")).isEqualTo("481516");
        assertThat(result.keyId()).isEqualTo("bank-ec-1");
    }

    @Test
    void withoutKidEveryKeyOfTheMatchingTypeIsTried() throws Exception {
        OctetKeyPair other = TestKeys.ed25519("bank-ed-0");
        List<JWK> keys = List.of(other.toPublicJWK(), P256.toPublicJWK(), ED25519.toPublicJWK());

        RequestVerification result = verifier.verify(sign(JWSAlgorithm.EdDSA, null, ed25519()), keys);

        assertThat(result.outcome()).isEqualTo(Outcome.VALID);
        assertThat(result.keyId()).isEqualTo("bank-ed-1");
    }

    @Test
    void aForgedSignatureIsInvalid() throws Exception {
        String forged = withFlippedSignatureBit(sign(JWSAlgorithm.EdDSA, "bank-ed-1", ed25519()));

        assertThat(verifier.verify(forged, partnerKeys).outcome()).isEqualTo(Outcome.SIGNATURE_INVALID);
    }

    @Test
    void aRequestSignedByAnotherKeyUnderTheSameKidIsInvalid() throws Exception {
        OctetKeyPair impostor = TestKeys.ed25519("bank-ed-1");
        ECKey ecImpostor = TestKeys.p256("bank-ec-1");

        String edForgery = sign(JWSAlgorithm.EdDSA, "bank-ed-1", new Ed25519Signer(impostor));
        String ecForgery = sign(JWSAlgorithm.ES256, "bank-ec-1", new ECDSASigner(ecImpostor));

        assertThat(verifier.verify(edForgery, partnerKeys).outcome()).isEqualTo(Outcome.SIGNATURE_INVALID);
        assertThat(verifier.verify(ecForgery, partnerKeys).outcome()).isEqualTo(Outcome.SIGNATURE_INVALID);
    }

    @Test
    void anUnknownKidIsReportedAsSuch() throws Exception {
        RequestVerification result = verifier.verify(sign(JWSAlgorithm.EdDSA, "bank-ed-9", ed25519()), partnerKeys);

        assertThat(result.outcome()).isEqualTo(Outcome.KEY_UNKNOWN);
        assertThat(result.payload()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "a.b", "a.b.c.d", "!!!.###.$$$", "eyJhbGciOiJFZERTQSJ9.e30", "e30.e30.e30"})
    void garbageIsMalformed(String garbage) {
        assertThat(verifier.verify(garbage, partnerKeys).outcome()).isEqualTo(Outcome.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2]", "\"text\"", "null", "not json", "{\"open\":"})
    void aValidlySignedPayloadThatIsNotAJsonObjectIsMalformed(String payload) throws Exception {
        String jws = sign(
                new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID("bank-ed-1").build(), payload, ed25519());

        assertThat(verifier.verify(jws, partnerKeys).outcome()).isEqualTo(Outcome.MALFORMED);
    }

    @Test
    void oneVerifierServesManyThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<RequestVerification>> jobs = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                boolean ed = i % 2 == 0;
                boolean forged = i % 5 == 0;
                String jws = ed
                        ? sign(JWSAlgorithm.EdDSA, "bank-ed-1", ed25519())
                        : sign(JWSAlgorithm.ES256, "bank-ec-1", es256());
                String sent = forged ? withFlippedSignatureBit(jws) : jws;
                jobs.add(() -> verifier.verify(sent, partnerKeys));
            }
            List<Future<RequestVerification>> results = pool.invokeAll(jobs);
            for (int i = 0; i < results.size(); i++) {
                Outcome expected = i % 5 == 0 ? Outcome.SIGNATURE_INVALID : Outcome.VALID;
                assertThat(results.get(i).get().outcome()).as("request %d", i).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String withFlippedSignatureBit(String jws) {
        String[] parts = jws.split("\\.");
        byte[] signature = Base64URL.from(parts[2]).decode();
        signature[10] ^= 0x01;
        return parts[0] + "." + parts[1] + "." + Base64URL.encode(signature);
    }

    private static JWSSigner ed25519() throws JOSEException {
        return new Ed25519Signer(ED25519);
    }

    private static JWSSigner es256() throws JOSEException {
        return new ECDSASigner(P256);
    }

    private static String sign(JWSAlgorithm algorithm, String kid, JWSSigner signer) throws JOSEException {
        return sign(new JWSHeader.Builder(algorithm).keyID(kid).build(), REQUEST, signer);
    }

    private static String sign(JWSHeader header, String payload, JWSSigner signer) throws JOSEException {
        JWSObject jws = new JWSObject(header, new Payload(payload));
        jws.sign(signer);
        return jws.serialize();
    }
}
