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
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.civis.auth.admission.RequestVerification.Outcome;
import org.civis.auth.keys.TestKeys;
import org.junit.jupiter.api.Test;

/** Every algorithm trick is refused before any signature check: the partner's key decides the algorithm. */
class SignedRequestAlgorithmsTest {

    private static final String REQUEST = "{\"uin\":\"2749503865\"}";
    private static final OctetKeyPair ED25519 = TestKeys.ed25519("bank-ed-1");
    private static final ECKey P256 = TestKeys.p256("bank-ec-1");

    private final SignedRequestVerifier verifier = new SignedRequestVerifier();
    private final List<JWK> partnerKeys = List.of(ED25519.toPublicJWK(), P256.toPublicJWK());

    @Test
    void algNoneIsNotAllowed() {
        String unsigned =
                Base64URL.encode("{\"alg\":\"none\",\"kid\":\"bank-ed-1\"}") + "." + Base64URL.encode(REQUEST) + ".";

        assertThat(verifier.verify(unsigned, partnerKeys).outcome()).isEqualTo(Outcome.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void hs256KeyedWithThePartnersPublicKeyIsNotAllowed() throws Exception {
        MACSigner confused = new MACSigner(ED25519.getDecodedX());
        String edConfusion = sign(JWSAlgorithm.HS256, "bank-ed-1", confused);
        String ecConfusion = sign(
                JWSAlgorithm.HS256,
                "bank-ec-1",
                new MACSigner(P256.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)));

        assertThat(verifier.verify(edConfusion, partnerKeys).outcome()).isEqualTo(Outcome.ALGORITHM_NOT_ALLOWED);
        assertThat(verifier.verify(ecConfusion, partnerKeys).outcome()).isEqualTo(Outcome.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void rs256IsNotAllowedEvenWithTheRsaKeyInTheList() throws Exception {
        RSAKey rsa = TestKeys.rsa(2048, "bank-rsa-1");
        List<JWK> keys = List.of(rsa.toPublicJWK());

        RequestVerification result =
                verifier.verify(sign(JWSAlgorithm.RS256, "bank-rsa-1", new RSASSASigner(rsa)), keys);

        assertThat(result.outcome()).isEqualTo(Outcome.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void anAlgorithmThatDoesNotFitTheNamedKeyIsNotAllowed() throws Exception {
        // ES256 header naming the Ed25519 key: the key decides the algorithm, not the header.
        RequestVerification result = verifier.verify(sign(JWSAlgorithm.ES256, "bank-ed-1", es256()), partnerKeys);

        assertThat(result.outcome()).isEqualTo(Outcome.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void aCorrectlySignedRequestWithACritHeaderIsNotAllowed() throws Exception {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.EdDSA)
                .keyID("bank-ed-1")
                .criticalParams(Set.of("urn:example:policy"))
                .customParam("urn:example:policy", "strict")
                .build();

        RequestVerification result = verifier.verify(sign(header, REQUEST, ed25519()), partnerKeys);

        assertThat(result.outcome()).isEqualTo(Outcome.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void anUnencodedPayloadIsNotAllowed() throws Exception {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.EdDSA)
                .keyID("bank-ed-1")
                .base64URLEncodePayload(false)
                .criticalParams(Set.of("b64"))
                .build();

        RequestVerification result = verifier.verify(sign(header, "{}", ed25519()), partnerKeys);

        assertThat(result.outcome()).isEqualTo(Outcome.ALGORITHM_NOT_ALLOWED);
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
