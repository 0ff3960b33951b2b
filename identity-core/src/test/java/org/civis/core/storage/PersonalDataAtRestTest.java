package org.civis.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import org.civis.core.enrollment.EnrollmentOutcome;
import org.civis.core.id.Uin;
import org.civis.core.registry.RegistryFixture;
import org.civis.core.registry.Residents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reads every row of every table as text and looks for the personal data that went in. */
class PersonalDataAtRestTest {
    private final RegistryFixture fixture = new RegistryFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void noTableHoldsANamePhoneOrEmailInPlaintext() {
        JsonObject resident = Residents.person("Zebulon Quartermaine", "1966-06-06", "male")
                .put("phone", "+447911123456")
                .put("email", "zebulon.q@example.net")
                .put("address", new JsonObject().put("eng", "17 Xylophone Crescent"));
        Uin uin = Await.accepted(fixture.registry.enrollments().enroll(Residents.request("reg-pii", resident), "op"))
                .uin()
                .orElseThrow();
        // A suspected duplicate parks its packet too; an update makes a second version; reads are audited.
        EnrollmentOutcome parked = Await.accepted(
                fixture.registry.enrollments().enroll(Residents.request("reg-pii-2", resident.copy()), "op"));
        assertThat(parked.candidates()).containsExactly(uin);
        Await.accepted(fixture.registry.identities().update(uin, new JsonObject().put("phone", "+447911654321"), "op"));
        Await.accepted(fixture.registry.identities().read(uin, "op"));
        assertThat(fixture.auditTrail("action")).hasSize(4); // audit entries are chained and in the dump too

        List<String> tables = fixture.rows("select table_name from information_schema.tables"
                + " where table_schema = 'public' and table_type = 'BASE TABLE'");
        assertThat(tables).contains("identities", "identity_versions", "enrollments", "audit_log", "blind_indexes");
        StringBuilder everything = new StringBuilder();
        for (String table : tables) {
            fixture.rows("select t::text from " + table + " t")
                    .forEach(row -> everything.append(row).append('\n'));
        }
        String dump = everything.toString().toLowerCase(Locale.ROOT);
        assertThat(dump).contains(uin.value()); // the dump is real: identifiers are there
        for (String secret : List.of(
                "zebulon", "quartermaine", "447911123456", "447911654321", "example.net", "xylophone", "1966-06-06")) {
            assertThat(dump).as("plaintext %s", secret).doesNotContain(secret);
        }
    }
}
