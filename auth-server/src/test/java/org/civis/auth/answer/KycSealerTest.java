package org.civis.auth.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEDecrypter;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import org.civis.auth.keys.TestKeys;
import org.junit.jupiter.api.Test;

class KycSealerTest {

    private static final ECKey PARTNER_EC = TestKeys.p256("bank-enc-ec");
    private static final RSAKey PARTNER_RSA = TestKeys.rsa(2048, "bank-enc-rsa");

    private final KycSealer sealer = new KycSealer();
    private final String signedKyc = new ResponseSigner(TestKeys.SERVER).sign("{\"name\":\"Amara Okafor\"}");

    @Test
    void sealedForAnEcKeyOnlyThePartnersPrivateKeyRecoversTheSignedJws() throws Exception {
        String jwe = sealer.sealFor(PARTNER_EC.toPublicJWK(), signedKyc);

        JWEObject parsed = JWEObject.parse(jwe);
        assertThat(parsed.getHeader().getAlgorithm()).isEqualTo(JWEAlgorithm.ECDH_ES_A256KW);
        assertThat(parsed.getHeader().getEncryptionMethod()).isEqualTo(EncryptionMethod.A256GCM);
        assertThat(parsed.getHeader().getContentType()).isEqualTo("JWT");
        assertThat(parsed.getHeader().getKeyID()).isEqualTo("bank-enc-ec");
        assertThat(jwe).doesNotContain("Amara");
        assertThat(opens(jwe, new ECDHDecrypter(PARTNER_EC))).isEqualTo(signedKyc);
        assertThat(opens(jwe, new ECDHDecrypter(TestKeys.p256("bank-enc-ec")))).isNull();
        assertThat(serverSignatureVerifies(opens(jwe, new ECDHDecrypter(PARTNER_EC))))
                .isTrue();
    }

    @Test
    void sealedForAnRsaKeyOnlyThePartnersPrivateKeyRecoversTheSignedJws() throws Exception {
        String jwe = sealer.sealFor(PARTNER_RSA.toPublicJWK(), signedKyc);

        JWEObject parsed = JWEObject.parse(jwe);
        assertThat(parsed.getHeader().getAlgorithm()).isEqualTo(JWEAlgorithm.RSA_OAEP_256);
        assertThat(parsed.getHeader().getEncryptionMethod()).isEqualTo(EncryptionMethod.A256GCM);
        assertThat(parsed.getHeader().getContentType()).isEqualTo("JWT");
        assertThat(parsed.getHeader().getKeyID()).isEqualTo("bank-enc-rsa");
        assertThat(opens(jwe, new RSADecrypter(PARTNER_RSA))).isEqualTo(signedKyc);
        assertThat(opens(jwe, new RSADecrypter(TestKeys.rsa(2048, "bank-enc-rsa"))))
                .isNull();
    }

    @Test
    void refusesKeysThatAreNeitherP256NorRsa() {
        JWK signingKey = TestKeys.ed25519("bank-sig").toPublicJWK();

        assertThatThrownBy(() -> sealer.sealFor(signingKey, signedKyc)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The plaintext, or null when this decrypter cannot open the JWE. */
    private static String opens(String jwe, JWEDecrypter decrypter) throws Exception {
        JWEObject parsed = JWEObject.parse(jwe);
        try {
            parsed.decrypt(decrypter);
        } catch (JOSEException e) {
            return null;
        }
        return parsed.getPayload().toString();
    }

    private static boolean serverSignatureVerifies(String jws) throws Exception {
        return JWSObject.parse(jws)
                .verify(new Ed25519Verifier(TestKeys.SERVER.signingKey().toPublicJWK()));
    }
}
