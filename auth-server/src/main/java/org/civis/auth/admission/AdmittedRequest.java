package org.civis.auth;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.civis.auth.partner.Partner;

/** A request whose partner, API key, signature, time and transaction id have all been accepted. */
public record AdmittedRequest(Partner partner, String transactionId, Instant requestTime, JsonObject payload) {
    public JsonObject payload() {
        return payload.copy();
    }
}
