package org.civis.auth.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import io.vertx.core.json.JsonObject;
import org.civis.auth.keys.PartnerKeys.Reason;
import org.civis.core.refusal.Refusal;
import org.civis.core.refusal.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartnerKeysTest {

    private static final OctetKeyPair ED25519 = TestKeys.ed25519("bank-sig-1");
    private static final ECKey P256 = TestKeys.p256("bank-ec-1");
    private static final RSAKey RSA_2048 = TestKeys.rsa(2048, "bank-rsa-1");

    @Test
    void acceptsPublicEd25519AndP256SigningKeysKeepingTheirKid() throws Exception {
        JWK ed = PartnerKeys.parseSigningKey(ED25519.toPublicJWK().toJSONString())
                .orElseThrow();
        JWK ec = PartnerKeys.parseSigningKey(P256.toPublicJWK().toJSONString()).orElseThrow();

        assertThat(ed).isEqualTo(ED25519.toPublicJWK());
        assertThat(ed.getKeyID()).isEqualTo("bank-sig-1");
        assertThat(ec).isEqualTo(P256.toPublicJWK());
        assertThat(ec.isPrivate()).isFalse();
    }

    @Test
    void aKeyWithoutKidGetsItsRfc7638Thumbprint() throws Exception {
        JsonObject withoutKid = new JsonObject(ED25519.toPublicJWK().toJSONString());
        withoutKid.remove("kid");

        JWK parsed = PartnerKeys.parseSigningKey(withoutKid.encode()).orElseThrow();

        assertThat(parsed.getKeyID())
                .isEqualTo(ED25519.computeThumbprint().toString())
                .isNotEqualTo("bank-sig-1");
    }

    @Test
    void acceptsPublicP256AndRsa2048EncryptionKeys() throws Exception {
        assertThat(PartnerKeys.parseEncryptionKey(P256.toPublicJWK().toJSONString())
                        .orElseThrow())
                .isEqualTo(P256.toPublicJWK());
        assertThat(PartnerKeys.parseEncryptionKey(RSA_2048.toPublicJWK().toJSONString())
                        .orElseThrow())
                .isEqualTo(RSA_2048.toPublicJWK());
    }

    @Test
    void refusesKeysWithPrivatePartsWithoutEchoingThem() {
        assertThat(signingReason(ED25519.toJSONString())).isEqualTo(Reason.KEY_HAS_PRIVATE_PART);
        assertThat(signingReason(P256.toJSONString())).isEqualTo(Reason.KEY_HAS_PRIVATE_PART);
        assertThat(encryptionReason(RSA_2048.toJSONString())).isEqualTo(Reason.KEY_HAS_PRIVATE_PART);
        assertThat(encryptionReason("{\"kty\":\"oct\",\"k\":\"c2VjcmV0LXNlY3JldC1zZWNyZXQ\"}"))
                .isEqualTo(Reason.KEY_HAS_PRIVATE_PART);
        Refusal refusal = refusal(PartnerKeys.parseSigningKey(ED25519.toJSONString()));
        assertThat(refusal.message()).doesNotContain(ED25519.getD().toString());
    }

    @Test
    void acceptsRsa2048SigningKeysForPs256ClientAssertions() {
        assertThat(PartnerKeys.parseSigningKey(RSA_2048.toPublicJWK().toJSONString())
                        .orElseThrow())
                .isEqualTo(RSA_2048.toPublicJWK());
    }

    @Test
    void refusesOtherKeyTypesAndCurvesForSigning() throws Exception {
        OctetKeyPair x25519 = new OctetKeyPairGenerator(Curve.X25519).generate();
        ECKey p384 = new ECKeyGenerator(Curve.P_384).generate();

        assertThat(signingReason(x25519.toPublicJWK().toJSONString())).isEqualTo(Reason.KEY_TYPE_NOT_ALLOWED);
        assertThat(signingReason(p384.toPublicJWK().toJSONString())).isEqualTo(Reason.KEY_TYPE_NOT_ALLOWED);
        assertThat(signingReason(TestKeys.rsa(1024, "weak").toPublicJWK().toJSONString()))
                .isEqualTo(Reason.KEY_TOO_SMALL);
        assertThat(signingReason("{\"kty\":\"oct\"}")).isEqualTo(Reason.KEY_TYPE_NOT_ALLOWED);
    }

    @Test
    void refusesOtherKeyTypesAndSmallRsaForEncryption() {
        assertThat(encryptionReason(ED25519.toPublicJWK().toJSONString())).isEqualTo(Reason.KEY_TYPE_NOT_ALLOWED);
        assertThat(encryptionReason(TestKeys.rsa(1024, "weak").toPublicJWK().toJSONString()))
                .isEqualTo(Reason.KEY_TOO_SMALL);
    }

    @Test
    void refusesAKeyDeclaredForTheOtherUse() throws Exception {
        ECKey encryptionOnly =
                new ECKey.Builder(P256.toPublicJWK()).keyUse(KeyUse.ENCRYPTION).build();

        assertThat(signingReason(encryptionOnly.toJSONString())).isEqualTo(Reason.KEY_USE_NOT_ALLOWED);
        assertThat(PartnerKeys.parseEncryptionKey(encryptionOnly.toJSONString()).orElseThrow())
                .isEqualTo(encryptionOnly);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not json",
                "[]",
                "{}",
                "{\"kty\":42}",
                "{\"kty\":\"EC\",\"crv\":\"P-256\"}",
                // x and y of a point that is not on P-256
                "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"AQ\",\"y\":\"Ag\"}",
                "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"AQID\"}"
            })
    void refusesMalformedKeys(String json) {
        assertThat(signingReason(json)).isEqualTo(Reason.KEY_MALFORMED);
    }

    private static Reason signingReason(String json) {
        return (Reason) refusal(PartnerKeys.parseSigningKey(json)).code();
    }

    private static Reason encryptionReason(String json) {
        return (Reason) refusal(PartnerKeys.parseEncryptionKey(json)).code();
    }

    private static Refusal refusal(Result<JWK> parsed) {
        assertThat(parsed).as("refusal").isInstanceOf(Result.Refused.class);
        return ((Result.Refused<JWK>) parsed).refusal();
    }
}
