package org.civis.core.identity;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.civis.core.id.Uin;

/** One version of an identity with its fields decrypted. Holds personal data: never log it. */
public record Identity(
        Uin uin,
        IdentityStatus status,
        int version,
        int currentVersion,
        JsonObject fields,
        Instant createdAt,
        Instant updatedAt) {

    public Identity {
        fields = fields.copy();
    }

    @Override
    public JsonObject fields() {
        return fields.copy();
    }

    @Override
    public String toString() {
        return "Identity[uin=" + uin + ", status=" + status + ", version=" + version + "]";
    }
}
