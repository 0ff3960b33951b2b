package org.civis.auth.keys;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * The server's public JWKS, which partners fetch to verify our responses and to encrypt factors to us. Built once
 * from the public halves only, so no code path can publish a private part.
 */
public final class ServerJwks {

    private final JWKSet publicSet;
    private final String json;

    public ServerJwks(AuthKeys keys) {
        Objects.requireNonNull(keys, "keys");
        List<JWK> publicKeys =
                List.of(keys.signingKey().toPublicJWK(), keys.encryptionKey().toPublicJWK());
        this.publicSet = new JWKSet(publicKeys);
        this.json = publicSet.toString(true);
    }

    /** The set, public keys only. */
    public JWKSet jwkSet() {
        return publicSet;
    }

    /** {@code {"keys":[...]}}, ready to serve as {@code application/jwk-set+json}. */
    public String json() {
        return json;
    }

    /** A fresh copy each call, since JsonObject is mutable. */
    public JsonObject jsonObject() {
        return new JsonObject(json);
    }
}
