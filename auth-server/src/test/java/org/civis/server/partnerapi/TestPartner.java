package org.civis.server.partnerapi;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import io.vertx.core.json.JsonObject;

/** A relying party as a bank would run it: its own signing and encryption keys, and its API key once registered. */
public final class TestPartner {
    public final String id;
    public final JWK signingKey;
    public final ECKey encryptionKey;
    public String apiKey;

    private TestPartner(String id, JWK signingKey, ECKey encryptionKey) {
        this.id = id;
        this.signingKey = signingKey;
        this.encryptionKey = encryptionKey;
    }

    /** A partner signing with Ed25519 (the default) or, with {@code ecdsa}, ES256. */
    public static TestPartner create(String id, boolean ecdsa) {
        try {
            JWK signing = ecdsa
                    ? new ECKeyGenerator(Curve.P_256)
                            .keyUse(KeyUse.SIGNATURE)
                            .keyIDFromThumbprint(true)
                            .generate()
                    : new OctetKeyPairGenerator(Curve.Ed25519)
                            .keyUse(KeyUse.SIGNATURE)
                            .keyIDFromThumbprint(true)
                            .generate();
            ECKey encryption = new ECKeyGenerator(Curve.P_256)
                    .keyUse(KeyUse.ENCRYPTION)
                    .keyIDFromThumbprint(true)
                    .generate();
            return new TestPartner(id, signing, encryption);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public JsonObject registration(JsonObject policy) {
        return new JsonObject()
                .put("partnerId", id)
                .put("name", "Test partner " + id)
                .put(
                        "signingKeys",
                        new io.vertx.core.json.JsonArray()
                                .add(new JsonObject(signingKey.toPublicJWK().toJSONString())))
                .put("encryptionKey", new JsonObject(encryptionKey.toPublicJWK().toJSONString()))
                .put("policy", policy);
    }

    public String sign(JsonObject payload) {
        return sign(payload, signingKey);
    }

    /** Signs with any key under this partner's kid: a forgery when the key is not the registered one. */
    public String sign(JsonObject payload, JWK key) {
        try {
            boolean ecdsa = key instanceof ECKey;
            JWSSigner signer = ecdsa ? new ECDSASigner((ECKey) key) : new Ed25519Signer((OctetKeyPair) key);
            JWSObject jws = new JWSObject(
                    new JWSHeader.Builder(ecdsa ? JWSAlgorithm.ES256 : JWSAlgorithm.EdDSA)
                            .keyID(signingKey.getKeyID())
                            .type(JOSEObjectType.JOSE)
                            .build(),
                    new Payload(payload.encode()));
            jws.sign(signer);
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
