package org.civis.server.partnerapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.sql.DriverManager;
import java.util.Map;
import org.civis.core.registry.Residents;
import org.junit.jupiter.api.Test;

/** Every answered request is in auth_transactions as soon as its answer is out. */
class TransactionRecordTest {

    @Test
    void everyAnsweredTransactionIsCommittedBeforeItsAnswer() throws Exception {
        AuthTestbed bed = new AuthTestbed(Map.of());
        java.net.URI database =
                java.net.URI.create(bed.server.config().databaseUrl().orElseThrow());
        String[] credentials = database.getUserInfo().split(":", 2);
        String jdbcUrl = "jdbc:postgresql://" + database.getHost() + ":" + database.getPort() + database.getPath()
                + "?user=" + credentials[0] + "&password=" + credentials[1];
        TestPartner bank = bed.register("record-bank", AuthTestbed.policy("DEMO"));
        JsonObject person = Residents.full(401);
        String uin = bed.enroll(person);
        JsonObject right = new JsonObject()
                .put("demographics", new JsonObject().put("dateOfBirth", person.getString("dateOfBirth")));
        JsonObject wrong = new JsonObject().put("demographics", new JsonObject().put("dateOfBirth", "1900-01-01"));
        for (int i = 0; i < 25; i++) {
            bed.call(bank, "/v1/auth", bed.request(uin, i % 5 == 0 ? wrong : right));
        }

        // Read while the server runs, right after the last answer: nothing waits for a timer or a stop.
        try (var c = DriverManager.getConnection(jdbcUrl);
                var s = c.createStatement();
                var rs = s.executeQuery("select count(*) filter (where success), count(*) filter (where not success)"
                        + " from auth_transactions where partner_id = 'record-bank' and uin = '" + uin + "'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(20);
            assertThat(rs.getInt(2)).isEqualTo(5);
        } finally {
            bed.close();
        }
    }
}
