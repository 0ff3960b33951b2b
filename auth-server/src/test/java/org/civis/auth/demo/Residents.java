package org.civis.auth.demo;

import io.vertx.core.json.JsonObject;
import org.civis.core.schema.IdSchema;

/** Enrolled identities shaped by the default ID schema, as the registry hands them over. */
final class Residents {

    static final IdSchema SCHEMA = IdSchema.defaultSchema();

    private Residents() {}

    static JsonObject grace() {
        return new JsonObject()
                .put(
                        "fullName",
                        new JsonObject().put("eng", "Grace Wanjiru Mwangi").put("swa", "Grace Wanjiru Mwangi"))
                .put("dateOfBirth", "1990-04-17")
                .put("gender", "female")
                .put("address", new JsonObject().put("eng", "12 Moi Avenue, Nairobi"))
                .put("phone", "+254712345678")
                .put("email", "Grace.Mwangi@Example.org")
                .put("nationality", "KEN")
                .put("photo", new JsonObject().put("format", "png").put("data", "iVBORw0KGgo="));
    }

    static MatchData graceData() {
        return MatchData.of(SCHEMA, grace());
    }

    static MatchData withName(String language, String name) {
        return MatchData.of(
                SCHEMA,
                new JsonObject()
                        .put("fullName", new JsonObject().put(language, name))
                        .put("dateOfBirth", "1985-11-02")
                        .put("gender", "male"));
    }

    static JsonObject name(String language, String name) {
        return new JsonObject().put("fullName", new JsonObject().put(language, name));
    }
}
