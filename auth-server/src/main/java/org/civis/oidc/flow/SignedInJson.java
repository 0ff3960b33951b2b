package org.civis.oidc.flow;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.civis.auth.partner.PartnerId;
import org.civis.core.id.Uin;
import org.civis.oidc.token.SignedIn;

/** A {@link SignedIn} as the code's entry in the cluster carries it. */
final class SignedInJson {
    private SignedInJson() {}

    static JsonObject of(SignedIn s) {
        JsonObject json = new JsonObject()
                .put("grantId", s.grantId())
                .put("client", s.client().value())
                .put("subject", s.subject())
                .put("uin", s.uin().value())
                .put("authTime", s.authTime().toEpochMilli())
                .put("acr", s.acr())
                .put("amr", new JsonArray(s.amr()))
                .put("scopes", sorted(s.scopes()))
                .put("claims", sorted(s.claims()))
                .put("idTokenClaims", sorted(s.idTokenClaims()));
        s.nonce().ifPresent(n -> json.put("nonce", n));
        return json;
    }

    static SignedIn from(JsonObject json) {
        return new SignedIn(
                json.getString("grantId"),
                new PartnerId(json.getString("client")),
                json.getString("subject"),
                new Uin(json.getString("uin")),
                Instant.ofEpochMilli(json.getLong("authTime")),
                json.getString("acr"),
                strings(json.getJsonArray("amr")),
                Optional.ofNullable(json.getString("nonce")),
                Set.copyOf(strings(json.getJsonArray("scopes"))),
                Set.copyOf(strings(json.getJsonArray("claims"))),
                Set.copyOf(strings(json.getJsonArray("idTokenClaims"))));
    }

    private static JsonArray sorted(Set<String> values) {
        return new JsonArray(List.copyOf(new TreeSet<>(values)));
    }

    private static List<String> strings(JsonArray array) {
        return array.stream().map(String.class::cast).toList();
    }
}
