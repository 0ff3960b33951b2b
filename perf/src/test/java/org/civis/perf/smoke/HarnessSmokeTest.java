package org.civis.perf.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatling.app.Gatling$;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.civis.core.storage.PostgresServer;
import org.civis.perf.gatling.CivisSimulation;
import org.civis.perf.gatling.DemographicAuthSimulation;
import org.civis.perf.report.GatlingReport;
import org.civis.perf.report.RecordedTransactions;
import org.civis.server.CivisServer;
import org.civis.server.TestServers;
import org.civis.server.config.CivisConfig;
import org.civis.server.config.ConfigLoader;
import org.civis.server.seed.SeedRun;
import org.civis.server.seed.Seeder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness end to end, briefly, so that it cannot rot between measurement campaigns: a real
 * server in this JVM, residents seeded through the bulk path, the demographic simulation run by
 * Gatling for ten seconds, and its report read as perf/run.sh reads it. Asserts correctness only
 * (no failed request, every answer recorded), never a rate: CI machines are busy.
 */
class HarnessSmokeTest {
    private static final int RESIDENTS = 200;

    @Test
    void aShortDemographicRunFailsNothingAndEveryAnswerIsRecorded(@TempDir Path work) throws Exception {
        Path dataDir = Files.createDirectories(work.resolve("data"));
        Map<String, String> env = TestServers.environment(dataDir);
        env.put("CIVIS_LOG_LEVEL", "WARN");
        CivisConfig config = ConfigLoader.load(env);
        SeedRun.Summary seeded =
                SeedRun.run(config, new Seeder.Options(RESIDENTS, false, 3, 100), () -> false, System.err);
        assertThat(seeded.report().imported()).isEqualTo(RESIDENTS);

        String runId = "smoke" + ProcessHandle.current().pid();
        Path results = work.resolve("gatling");
        int status;
        try (CivisServer server = CivisServer.start(config)) {
            System.setProperty("civis.dataDir", dataDir.toString());
            System.setProperty("civis.publicUrl", "http://127.0.0.1:" + config.publicPort());
            System.setProperty("civis.users", "8");
            System.setProperty("civis.warmup", "0");
            System.setProperty("civis.duration", "10");
            System.setProperty("civis.baselineSeconds", "2");
            System.setProperty("civis.presign", "2000");
            System.setProperty("civis.runId", runId);
            System.setProperty(
                    "civis.generatorReport",
                    work.resolve("generator.properties").toString());
            status = Gatling$.MODULE$.fromArgs(new String[] {
                "--simulation", DemographicAuthSimulation.class.getName(), "--results-folder", results.toString()
            });
        } finally {
            System.getProperties().stringPropertyNames().stream()
                    .filter(name -> name.startsWith("civis."))
                    .forEach(System::clearProperty);
        }

        assertThat(status).isZero();
        GatlingReport report = GatlingReport.latest(results, "demographicauthsimulation-");
        GatlingReport.Stats measured = report.get("auth: demographic");
        GatlingReport.Stats answered =
                report.sum(name -> name.startsWith("auth:") || name.startsWith(CivisSimulation.WARM_UP + "auth:"));
        assertThat(measured.total()).isPositive();
        assertThat(report.get("All Requests").ko()).isZero();
        assertThat(report.get(CivisSimulation.BASELINE).ok()).isPositive();
        // The server was closed above: its last records were written on the way down.
        PostgresServer database = PostgresServer.external(env.get("CIVIS_DB_URL"));
        assertThat(RecordedTransactions.count(database, "g" + runId + "-")).isEqualTo(answered.total());
    }
}
