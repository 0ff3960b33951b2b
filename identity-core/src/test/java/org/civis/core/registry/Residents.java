package org.civis.core.registry;

import io.vertx.core.json.JsonObject;
import org.civis.core.enrollment.EnrollmentRequest;
import org.civis.core.id.RegistrationId;

/** Made-up residents for tests. */
public final class Residents {
    private Residents() {}

    public static JsonObject person(String name, String dateOfBirth, String gender) {
        return new JsonObject()
                .put("fullName", new JsonObject().put("eng", name))
                .put("dateOfBirth", dateOfBirth)
                .put("gender", gender);
    }

    /** A resident with every demographic field, distinct per {@code n}. */
    public static JsonObject full(int n) {
        return person("Wanjiru Kamau Otieno " + n, "1988-04-" + String.format("%02d", 1 + n % 28), "female")
                .put("address", new JsonObject().put("eng", n + " Moi Avenue, Nairobi"))
                .put("phone", "+2547" + String.format("%08d", 10_000_000 + n).substring(0, 8))
                .put("email", "wanjiru." + n + "@mail.example.org");
    }

    public static EnrollmentRequest request(String registrationId, JsonObject identity) {
        return new EnrollmentRequest(new RegistrationId(registrationId), identity);
    }
}
