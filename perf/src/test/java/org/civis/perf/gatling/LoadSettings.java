package org.civis.perf.gatling;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * What a run is asked to do, from system properties (all optional but {@code civis.dataDir}).
 *
 * @param model {@code closed} (fixed concurrency: {@code civis.users}) or {@code open} (fixed arrival
 *     rate: {@code civis.rate} new requests a second)
 * @param warmUp run before the measured phase, under its own request names
 * @param baseline how long the baseline runs after the measured phase ({@code civis.baselineSeconds},
 *     by default as long as the measured phase; 0 for none)
 * @param presign most requests signed before injection starts; more are signed on the fly
 * @param runId names this run's transaction ids, so its records can be counted afterwards
 * @param residents how many of the seeded residents the run cycles through ({@code civis.residents},
 *     0 for all): a few hundred measure requests served from the auth cache, the whole population
 *     measures the first touch of each identity (view loaded from PostgreSQL and decrypted)
 * @param operatorToken the admin API token of the scenarios that call the admin API ({@code
 *     civis.operatorToken}; perf/run.sh gets one from {@code civis operator-token}), empty if none
 */
public record LoadSettings(
        Path dataDir,
        String publicUrl,
        String adminUrl,
        String model,
        int users,
        double rate,
        Duration duration,
        Duration warmUp,
        Duration baseline,
        int presign,
        String runId,
        int smsPort,
        Path generatorReport,
        int residents,
        String operatorToken) {

    public static LoadSettings fromSystemProperties() {
        String model = System.getProperty("civis.model", "closed").toLowerCase(Locale.ROOT);
        if (!model.equals("closed") && !model.equals("open")) {
            throw new IllegalArgumentException("civis.model is closed or open");
        }
        String dataDir = System.getProperty("civis.dataDir");
        if (dataDir == null) {
            throw new IllegalArgumentException("set civis.dataDir to the seeded data directory of the server");
        }
        int users = Integer.getInteger("civis.users", 64);
        double rate = Double.parseDouble(System.getProperty("civis.rate", "200"));
        Duration duration = Duration.ofSeconds(Long.getLong("civis.duration", 60));
        Duration warmUp = Duration.ofSeconds(Long.getLong("civis.warmup", 10));
        // Closed runs are estimated at 4,000 requests a second, near the goal for a 2-core node: a run
        // that outlasts its stock signs on the fly, on the cores the server needs.
        long expected = (long) ((model.equals("open") ? rate : 4_000) * (duration.toSeconds() + warmUp.toSeconds()));
        return new LoadSettings(
                Path.of(dataDir),
                System.getProperty("civis.publicUrl", "http://127.0.0.1:8080"),
                System.getProperty("civis.adminUrl", "http://127.0.0.1:8081"),
                model,
                users,
                rate,
                duration,
                warmUp,
                Duration.ofSeconds(Long.getLong("civis.baselineSeconds", duration.toSeconds())),
                Integer.getInteger("civis.presign", (int) Math.min(expected, 400_000)),
                System.getProperty("civis.runId", Long.toString(System.currentTimeMillis(), 36)),
                Integer.getInteger("civis.smsPort", 18090),
                Path.of(System.getProperty(
                        "civis.generatorReport", dataDir + "/seed/last-generator-report.properties")),
                Integer.getInteger("civis.residents", 0),
                System.getProperty("civis.operatorToken", ""));
    }

    /** What the summary prints for the load: "closed, 64 users" or "open, 200/s". */
    public String describe() {
        return (model.equals("closed")
                        ? "closed, " + users + " concurrent users"
                        : String.format(Locale.ROOT, "open, %.0f arrivals/s", rate))
                + (residents > 0 ? ", cycling over " + residents + " residents" : "");
    }
}
