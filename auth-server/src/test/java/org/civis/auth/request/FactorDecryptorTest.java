package org.civis.auth.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.CompressionAlgorithm;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEEncrypter;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64URL;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.stream.Stream;
import javax.crypto.KeyGenerator;
import org.civis.auth.keys.ServerJwks;
import org.civis.auth.keys.TestKeys;
import org.civis.auth.request.FactorDecryption.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FactorDecryptorTest {

    private static final String FACTORS = "{\"otp\":\"481516\",\"timestamp\":\"2025-01-01T10:00:00Z\"}";

    private final FactorDecryptor decryptor = new FactorDecryptor(TestKeys.SERVER);
    private final String kid = TestKeys.SERVER.encryptionKey().getKeyID();

    @Test
    void decryptsAFactorEncryptedToThePublishedServerKey() throws Exception {
        ECKey published = JWKSet.parse(new ServerJwks(TestKeys.SERVER).json())
                .getKeyByKeyId(kid)
                .toECKey();

        FactorDecryption opened = decryptor.decrypt(
                encrypt(header(JWEAlgorithm.ECDH_ES, EncryptionMethod.A256GCM), FACTORS, new ECDHEncrypter(published)));

        assertThat(opened).isInstanceOf(FactorDecryption.Opened.class);
        assertThat(((FactorDecryption.Opened) opened).factors()).isEqualTo(new JsonObject(FACTORS));
    }

    @Test
    void aFactorEncryptedToAnotherKeyFailsToDecrypt() throws Exception {
        ECKey other = TestKeys.p256(kid);

        String jwe = encrypt(header(JWEAlgorithm.ECDH_ES, EncryptionMethod.A256GCM), FACTORS, new ECDHEncrypter(other));

        assertThat(reason(jwe)).isEqualTo(Reason.DECRYPTION_FAILED);
    }

    @Test
    void anAlteredCiphertextFailsToDecryptWithoutRevealingThePlaintext() throws Exception {
        String[] parts = serverJwe(FACTORS).split("\\.");
        byte[] ciphertext = Base64URL.from(parts[3]).decode();
        ciphertext[0] ^= 0x01;
        parts[3] = Base64URL.encode(ciphertext).toString();

        FactorDecryption.Refused refusal = failure(String.join(".", parts));

        assertThat(refusal.reason()).isEqualTo(Reason.DECRYPTION_FAILED);
        assertThat(refusal.toString()).doesNotContain("481516");
    }

    @Test
    void rsaOaepDirectKeyWrapAndOtherContentEncryptionAreNotAllowed() throws Exception {
        ECKey server = TestKeys.SERVER.encryptionKey().toPublicJWK();
        KeyGenerator aes = KeyGenerator.getInstance("AES");
        aes.init(256);

        String rsaOaep = encrypt(
                header(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM),
                FACTORS,
                new RSAEncrypter(TestKeys.rsa(2048, kid)));
        String direct = encrypt(
                header(JWEAlgorithm.DIR, EncryptionMethod.A256GCM), FACTORS, new DirectEncrypter(aes.generateKey()));
        String keyWrap = encrypt(
                header(JWEAlgorithm.ECDH_ES_A256KW, EncryptionMethod.A256GCM), FACTORS, new ECDHEncrypter(server));
        String aes128 =
                encrypt(header(JWEAlgorithm.ECDH_ES, EncryptionMethod.A128GCM), FACTORS, new ECDHEncrypter(server));
        String cbc = encrypt(
                header(JWEAlgorithm.ECDH_ES, EncryptionMethod.A256CBC_HS512), FACTORS, new ECDHEncrypter(server));

        assertThat(Stream.of(rsaOaep, direct, keyWrap, aes128, cbc).map(this::reason))
                .containsOnly(Reason.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void compressionAndCritHeadersAreNotAllowed() throws Exception {
        ECKey server = TestKeys.SERVER.encryptionKey().toPublicJWK();
        JWEHeader zip = new JWEHeader.Builder(JWEAlgorithm.ECDH_ES, EncryptionMethod.A256GCM)
                .compressionAlgorithm(CompressionAlgorithm.DEF)
                .build();
        JWEHeader crit = new JWEHeader.Builder(JWEAlgorithm.ECDH_ES, EncryptionMethod.A256GCM)
                .criticalParams(Set.of("urn:example:x"))
                .customParam("urn:example:x", 1)
                .build();

        assertThat(reason(encrypt(zip, FACTORS, new ECDHEncrypter(server)))).isEqualTo(Reason.ALGORITHM_NOT_ALLOWED);
        assertThat(reason(encrypt(crit, FACTORS, new ECDHEncrypter(server)))).isEqualTo(Reason.ALGORITHM_NOT_ALLOWED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "a.b.c", "a.b.c.d", "a.b.c.d.e", "e30.e30.e30.e30.e30"})
    void garbageIsMalformed(String garbage) {
        assertThat(reason(garbage)).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void aPlaintextThatIsNotAJsonObjectIsMalformedAndNotEchoed() throws Exception {
        FactorDecryption.Refused refusal = failure(serverJwe("[\"481516\"]"));

        assertThat(refusal.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(refusal.toString()).doesNotContain("481516");
    }

    private String serverJwe(String plaintext) throws JOSEException {
        return encrypt(
                header(JWEAlgorithm.ECDH_ES, EncryptionMethod.A256GCM),
                plaintext,
                new ECDHEncrypter(TestKeys.SERVER.encryptionKey().toPublicJWK()));
    }

    private JWEHeader header(JWEAlgorithm algorithm, EncryptionMethod method) {
        return new JWEHeader.Builder(algorithm, method).keyID(kid).build();
    }

    private static String encrypt(JWEHeader header, String plaintext, JWEEncrypter encrypter) throws JOSEException {
        JWEObject jwe = new JWEObject(header, new Payload(plaintext));
        jwe.encrypt(encrypter);
        return jwe.serialize();
    }

    private Reason reason(String jwe) {
        return failure(jwe).reason();
    }

    private FactorDecryption.Refused failure(String jwe) {
        FactorDecryption decryption = decryptor.decrypt(jwe);
        assertThat(decryption).as("refusal").isInstanceOf(FactorDecryption.Refused.class);
        return (FactorDecryption.Refused) decryption;
    }
}
