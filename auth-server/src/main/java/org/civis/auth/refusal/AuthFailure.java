package org.civis.auth.refusal;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/** One error in an answer: its code and, when it concerns one field or auth type, which. */
public record AuthFailure(AuthError code, Optional<String> field) {

    public static AuthFailure of(AuthError code) {
        return new AuthFailure(code, Optional.empty());
    }

    public static AuthFailure of(AuthError code, String field) {
        return new AuthFailure(code, Optional.of(field));
    }

    /** The codes of a list of failures, in order, as the transaction record keeps them. */
    public static List<String> codes(List<AuthFailure> failures) {
        return failures.stream().map(f -> f.code().name()).toList();
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject().put("code", code.name()).put("message", code.message());
        field.ifPresent(f -> json.put("field", f));
        return json;
    }
}
