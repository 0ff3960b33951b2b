package org.civis.auth.partner;

import com.nimbusds.jose.jwk.JWK;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.text.ParseException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A registered relying party: its public signing keys (several during a rotation), its optional
 * encryption key for e-KYC, its policy, and the digest of its API key.
 */
public record Partner(
        PartnerId id,
        String name,
        PartnerStatus status,
        byte[] apiKeyDigest,
        List<JWK> signingKeys,
        Optional<JWK> encryptionKey,
        PartnerPolicy policy,
        long revision) {

    public Partner {
        apiKeyDigest = apiKeyDigest.clone();
        signingKeys = List.copyOf(signingKeys);
    }

    @Override
    public byte[] apiKeyDigest() {
        return apiKeyDigest.clone();
    }

    /** What the admin API shows: everything but the API key digest. */
    public JsonObject toPublicJson() {
        JsonObject json = new JsonObject()
                .put("partnerId", id.value())
                .put("name", name)
                .put("status", status.name())
                .put("signingKeys", keys(signingKeys))
                .put("policy", policy.toJson())
                .put("revision", revision);
        encryptionKey.ifPresent(key -> json.put("encryptionKey", new JsonObject(key.toJSONString())));
        return json;
    }

    /** The full form, kept in the cluster cache. */
    public String toCacheJson() {
        return toPublicJson()
                .put("apiKeyDigest", Base64.getEncoder().encodeToString(apiKeyDigest))
                .encode();
    }

    public static Partner fromCacheJson(String text) {
        JsonObject json = new JsonObject(text);
        try {
            List<JWK> signing = new java.util.ArrayList<>();
            for (Object key : json.getJsonArray("signingKeys")) {
                signing.add(JWK.parse(((JsonObject) key).encode()));
            }
            JsonObject encryption = json.getJsonObject("encryptionKey");
            return new Partner(
                    new PartnerId(json.getString("partnerId")),
                    json.getString("name"),
                    PartnerStatus.valueOf(json.getString("status")),
                    Base64.getDecoder().decode(json.getString("apiKeyDigest")),
                    signing,
                    encryption == null ? Optional.empty() : Optional.of(JWK.parse(encryption.encode())),
                    PartnerPolicy.fromJson(json.getJsonObject("policy")),
                    json.getLong("revision"));
        } catch (ParseException e) {
            throw new IllegalStateException("a cached partner has an unreadable key", e);
        }
    }

    private static JsonArray keys(List<JWK> keys) {
        JsonArray array = new JsonArray();
        keys.forEach(key -> array.add(new JsonObject(key.toPublicJWK().toJSONString())));
        return array;
    }

    @Override
    public String toString() {
        return "Partner[" + id + ", " + status + ", revision " + revision + "]";
    }
}
