package org.civis.issuer.bundle;

import com.nimbusds.jose.jwk.JWK;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.apache.commons.codec.binary.Hex;
import org.civis.issuer.keys.IssuerKey;
import org.civis.issuer.keys.IssuerKeyRing;
import org.civis.issuer.status.SignedStatusListToken;

/**
 * What an offline verifier device needs, in one JSON file: {@code {"keys": [JWK...], "statusLists":
 * [{"uri", "token": "<hex of the Status List Token>"}], "certificates": ["<PEM>"...], "issuedAt"}}. A
 * superset of a JWKS ({@code keys} at the top), so tools that read a JWKS read it too. Public data
 * only: no private key can get in, since keys come from their public JWKs.
 */
public final class VerifierBundle {
    private VerifierBundle() {}

    public static JsonObject of(IssuerKeyRing ring, List<SignedStatusListToken> statusLists, Instant issuedAt) {
        JsonArray keys = new JsonArray();
        JsonArray certificates = new JsonArray();
        for (IssuerKey key : ring.keys()) {
            JWK publicJwk = key.publicJwk();
            keys.add(new JsonObject(publicJwk.toPublicJWK().toJSONObject()));
            certificates.add(key.certificatePem());
        }
        JsonArray lists = new JsonArray();
        for (SignedStatusListToken token : statusLists) {
            lists.add(new JsonObject().put("uri", token.uri()).put("token", Hex.encodeHexString(token.token())));
        }
        return new JsonObject()
                .put("keys", keys)
                .put("statusLists", lists)
                .put("certificates", certificates)
                .put("issuedAt", issuedAt.toString());
    }
}
