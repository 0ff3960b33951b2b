package org.civis.server.partnerapi;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.util.Map;
import org.civis.server.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a check, a measurement, run on request: how long a server takes to start (and so to report
 * ready) when the last two request-time windows hold N records to read back into the replay memory.
 * {@code mvn -pl auth-server -am verify -DskipITs -Dtest=ReplayWindowStartMeasurement
 * -Dsurefire.failIfNoSpecifiedTests=false -Dcivis.measure.rows=100000,1000000}; figures go to the
 * test output file.
 */
@EnabledIfSystemProperty(named = "civis.measure.rows", matches = "[0-9,]+")
class ReplayWindowStartMeasurement {

    @Test
    void startWithARecentWindowOfRecords() throws Exception {
        for (String rows : System.getProperty("civis.measure.rows").split(",")) {
            measure(Integer.parseInt(rows));
        }
    }

    private static void measure(int rows) throws Exception {
        Map<String, String> env = TestServers.environment(Files.createTempDirectory("civis-replay-measure"));
        String at;
        try (AuthTestbed first = new AuthTestbed(env, Map.of())) {
            at = first.clock.instant().toString();
        }
        try (var c = TestServers.databaseConnection(env);
                var s = c.prepareStatement("insert into auth_transactions (at, partner_id, transaction_id, kind,"
                        + " auth_types, success, errors) select ?::timestamptz - (i % 540) * interval '1 second',"
                        + " 'bank-' || (i % 10), 'txn-' || i, 'AUTH', '{DEMO}', true, '{}'"
                        + " from generate_series(1, ?) as i")) {
            s.setString(1, at);
            s.setInt(2, rows);
            s.executeUpdate();
            c.createStatement().execute("analyze auth_transactions");
        }
        long started = System.nanoTime();
        try (AuthTestbed second = new AuthTestbed(env, Map.of())) {
            long startMillis = (System.nanoTime() - started) / 1_000_000;
            JsonObject window = second.publicApi.get("/health/ready").json().getJsonObject("replayWindow");
            System.out.printf(
                    "replay window of %d rows: server start %d ms, of which reading the window %d ms (%d keys)%n",
                    rows, startMillis, window.getLong("millis"), window.getLong("keys"));
        }
    }
}
