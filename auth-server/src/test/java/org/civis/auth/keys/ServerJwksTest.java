package org.civis.auth.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class ServerJwksTest {

    private final AuthKeys keys = TestKeys.SERVER;
    private final ServerJwks jwks = new ServerJwks(keys);

    @Test
    void publishesTheSigningAndEncryptionPublicKeysUnderTheirKids() throws Exception {
        JWKSet parsed = JWKSet.parse(jwks.json());

        assertThat(parsed.getKeys()).hasSize(2);
        JWK signing = parsed.getKeyByKeyId(keys.signingKey().getKeyID());
        JWK encryption = parsed.getKeyByKeyId(keys.encryptionKey().getKeyID());
        assertThat(signing).isEqualTo(keys.signingKey().toPublicJWK());
        assertThat(signing.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
        assertThat(encryption).isEqualTo(keys.encryptionKey().toPublicJWK());
        assertThat(encryption.getKeyUse()).isEqualTo(KeyUse.ENCRYPTION);
    }

    @Test
    void containsNoPrivatePartInAnyForm() throws Exception {
        assertThat(JWKSet.parse(jwks.json()).getKeys()).noneMatch(JWK::isPrivate);
        assertThat(jwks.jwkSet().getKeys()).noneMatch(JWK::isPrivate);
        assertThat(jwks.json())
                .doesNotContain("\"d\"")
                .doesNotContain(keys.signingKey().getD().toString())
                .doesNotContain(keys.encryptionKey().getD().toString());
        JsonArray published = jwks.jsonObject().getJsonArray("keys");
        assertThat(published).hasSize(2);
        for (int i = 0; i < published.size(); i++) {
            JsonObject key = published.getJsonObject(i);
            assertThat(key.containsKey("d")).isFalse();
            assertThat(key.getString("kid"))
                    .isIn(keys.signingKey().getKeyID(), keys.encryptionKey().getKeyID());
        }
    }
}
