package org.civis.core.enrollment;

import io.vertx.core.json.JsonObject;
import java.util.Objects;
import org.civis.core.id.RegistrationId;

/** A registration packet: its idempotency key and the identity fields (checked against the ID schema). */
public record EnrollmentRequest(RegistrationId registrationId, JsonObject identity) {
    public EnrollmentRequest {
        Objects.requireNonNull(registrationId, "registrationId");
        identity = Objects.requireNonNull(identity, "identity").copy();
    }

    @Override
    public JsonObject identity() {
        return identity.copy();
    }

    @Override
    public String toString() {
        return "EnrollmentRequest[" + registrationId.value() + "]"; // never the personal data
    }
}
