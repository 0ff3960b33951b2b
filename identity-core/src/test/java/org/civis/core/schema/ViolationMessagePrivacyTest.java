package org.civis.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civis.core.schema.SampleIdentities.validate;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Violation messages reach logs and error responses, so they must never echo the personal data submitted. */
class ViolationMessagePrivacyTest {

    @Test
    void messagesNeverContainTheSubmittedValues() {
        JsonObject identity = new JsonObject()
                .put(
                        "fullName",
                        new JsonObject().put("zzq", "Qwilleran Xanthippe").put("eng", "Q".repeat(201)))
                .put("dateOfBirth", "2087-11-23")
                .put("gender", "Xenomorphic")
                .put("address", new JsonObject().put("eng", "\u00A0"))
                .put("phone", "+254 7999 31337")
                .put("email", "qwilleran@@xanthippe.example")
                .put("nationality", "QWXZ")
                .put("photo", new JsonObject().put("format", "tiffany").put("data", "%%QWX%%"))
                .put(
                        "fingerprints",
                        new JsonArray()
                                .add(new JsonObject()
                                        .put("position", "LEFT_TOE_QX")
                                        .put("format", "gifqx")
                                        .put("data", "@@QX@@")
                                        .put("dpi", 4321)))
                .put("secretNickname", "Xandy");
        List<String> submitted = List.of(
                "Qwilleran",
                "Xanthippe",
                "zzq",
                "2087",
                "Xenomorphic",
                "31337",
                "qwilleran@",
                "QWXZ",
                "tiffany",
                "QWX",
                "LEFT_TOE_QX",
                "gifqx",
                "@@QX@@",
                "4321",
                "Xandy",
                "QQQQ");

        List<Violation> violations = validate(identity);

        assertThat(violations).hasSizeGreaterThanOrEqualTo(14);
        for (Violation violation : violations) {
            assertThat(violation.message())
                    .as("message of %s at %s", violation.code(), violation.path())
                    .isNotBlank()
                    .doesNotContain(submitted);
        }
    }
}
