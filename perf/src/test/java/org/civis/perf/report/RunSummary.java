package org.civis.perf.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Appends one run's entry to RESULTS.md: the machine, the load, per request name its rate and
 * latency percentiles, the ratio of the scenario's rate to the baseline's (both measured for the
 * same time under the same load, so the ratio survives a busy machine better than either rate),
 * what the generator cost, and whether every answered auth request was recorded.
 *
 * <pre>java -cp ... org.civis.perf.report.RunSummary RESULTS.md resultsRoot simulationPrefix dataDir
 *     scenario population measuredSeconds loadAverageAtStart serverJavaOptions</pre>
 */
public final class RunSummary {
    private RunSummary() {}

    public static void main(String[] args) throws IOException {
        Path results = Path.of(args[0]);
        GatlingReport report = GatlingReport.latest(Path.of(args[1]), args[2]);
        Path dataDir = Path.of(args[3]);
        String scenario = args[4];
        String population = args[5];
        double seconds = Double.parseDouble(args[6]);
        String loadAverage = args.length > 7 ? args[7] : "?";
        String serverJavaOptions = args.length > 8 ? args[8].strip() : "";

        Properties generator = new Properties();
        try (var in = Files.newBufferedReader(
                dataDir.resolve("seed").resolve("last-generator-report.properties"), StandardCharsets.UTF_8)) {
            generator.load(in);
        }
        String oidcClient = generator.getProperty("oidcClient");
        long recorded = oidcClient != null
                ? RecordedTransactions.countForPartner(dataDir, oidcClient)
                : RecordedTransactions.count(dataDir, generator.getProperty("transactionPrefix"));
        String entry =
                entry(report, scenario, population, seconds, loadAverage, serverJavaOptions, generator, recorded);
        Files.writeString(results, entry, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.print(entry);
    }

    static String entry(
            GatlingReport report,
            String scenario,
            String population,
            double seconds,
            String loadAverage,
            String serverJavaOptions,
            Properties generator,
            long recorded) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "%n### %s · %s · %s residents%n%n",
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                scenario,
                population));
        out.append("- machine: ")
                .append(Machine.describe())
                .append("; load average at start ")
                .append(loadAverage)
                .append('\n');
        // The heap decides whether a large population's auth cache fits: say what the server ran with.
        out.append("- server JVM: ")
                .append(serverJavaOptions.isEmpty() ? "default options" : "`" + serverJavaOptions + "`")
                .append('\n');
        out.append(String.format(
                Locale.ROOT,
                "- load: %s; %.0f s measured, then the same load on the baseline%n",
                generator.getProperty("load"),
                seconds));
        out.append(
                "\n| request | count | req/s | p50 ms | p95 ms | p99 ms | errors |\n|---|---:|---:|---:|---:|---:|---:|\n");
        GatlingReport.Stats baseline = null;
        GatlingReport.Stats measured = new GatlingReport.Stats(0, 0, 0, 0, 0, 0);
        for (Map.Entry<String, GatlingReport.Stats> row : report.byName().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .toList()) {
            String name = row.getKey();
            GatlingReport.Stats s = row.getValue();
            // The OpenID scenario's side phases: the code collection is the burst's set-up, not measured.
            if (name.equals("All Requests") || name.startsWith("warm-up") || name.startsWith("collect ")) {
                continue;
            }
            boolean burst = name.startsWith("burst: ");
            double rate = burst
                    ? burstRate(generator)
                    : s.total() / seconds; // run.sh runs the baseline as long as the measured phase
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %,d | %,.1f | %d | %d | %d | %,d |%n",
                    name,
                    s.total(),
                    rate,
                    s.p50(),
                    s.p95(),
                    s.p99(),
                    s.ko()));
            if (name.startsWith("baseline")) {
                baseline = s;
            } else if (!burst && !name.startsWith("flow: ")) {
                // A group (flow: ...) counts flows, not requests: its requests are rows of their own.
                measured = new GatlingReport.Stats(
                        measured.total() + s.total(), measured.ok() + s.ok(), measured.ko() + s.ko(), 0, 0, 0);
            }
        }
        out.append('\n');
        boolean open = generator.getProperty("load", "").startsWith("open");
        if (open && baseline != null) {
            // At a fixed arrival rate both phases serve the same rate: what differs is latency.
            out.append(String.format(
                    Locale.ROOT,
                    "- open model, same arrival rate in both phases: compare latencies (baseline p50 %d ms, p95 %d ms)%n",
                    baseline.p50(),
                    baseline.p95()));
        } else if (baseline != null && baseline.total() > 0) {
            out.append(String.format(
                    Locale.ROOT,
                    "- ratio to baseline: %.3f (%s requests/s ÷ GET /health/live requests/s, same load and duration)%n",
                    (double) measured.total() / baseline.total(),
                    scenario));
        }
        if (generator.getProperty("tokenBurstRequests") != null) {
            GatlingReport.Stats collected = report.sum(name -> name.startsWith("collect "));
            out.append(String.format(
                    Locale.ROOT,
                    "- token burst: %s codes, pooled by sign-ins after the measured phase (%,d requests, %,d failed),"
                            + " exchanged by the same users in %s s: %,.1f token requests/s (the burst row's req/s)%n",
                    generator.getProperty("tokenBurstRequests"),
                    collected.total(),
                    collected.ko(),
                    generator.getProperty("tokenBurstSeconds"),
                    burstRate(generator)));
        }
        GatlingReport.Stats warmUp = report.sum(name -> name.startsWith("warm-up"));
        if (warmUp.ko() > 0) {
            // The table shows the measured phase only; failures while warming up must not hide.
            out.append(String.format(
                    Locale.ROOT,
                    "- warm-up: %,d of %,d requests failed (the report's warm-up page names the error)%n",
                    warmUp.ko(),
                    warmUp.total()));
        }
        if (generator.getProperty("oidcClient") != null) {
            // An OpenID sign-in records its code step (right or wrong) as the client's auth record.
            out.append(recordedLine(recorded, report.sum(name -> name.endsWith("oidc: code"))));
        } else {
            out.append(recordedLine(
                    recorded, report.sum(name -> name.startsWith("auth:") || name.startsWith("warm-up auth:"))));
        }
        out.append(String.format(
                Locale.ROOT,
                "- generator: %s requests prepared (signed, for the partner API) in %s s before injection, %s during the run;"
                        + " %s CPU-seconds"
                        + " over a %s s run; cores used by phase: %s%n",
                generator.getProperty("presigned"),
                generator.getProperty("presignSeconds"),
                generator.getProperty("signedOnTheFly"),
                generator.getProperty("generatorCpuSeconds"),
                generator.getProperty("runSeconds"),
                generator.getProperty("generatorCoresPerPhase", "not measured")));
        out.append("- report: perf/target/gatling/")
                .append(report.directory().getFileName())
                .append("/index.html\n");
        return out.toString();
    }

    /** The token burst's requests over its own wall time (Gatling's rates divide by the whole run). */
    static double burstRate(Properties generator) {
        String requests = generator.getProperty("tokenBurstRequests");
        String seconds = generator.getProperty("tokenBurstSeconds");
        return requests == null || seconds == null ? 0 : Long.parseLong(requests) / Double.parseDouble(seconds);
    }

    /**
     * Every auth request the server answered must be in auth_transactions. Gatling counts a
     * request as failed whether the server refused it (then it is recorded) or never saw it (a
     * connection the generator could not open): with failures, the rows must lie between the
     * successful answers and all requests.
     */
    static String recordedLine(long recorded, GatlingReport.Stats auth) {
        if (auth.ko() == 0) {
            return String.format(
                    Locale.ROOT,
                    "- recorded: %,d rows of this run in auth_transactions; %,d auth requests answered (warm-up"
                            + " included) — %s%n",
                    recorded,
                    auth.ok(),
                    recorded == auth.ok() ? "equal" : "NOT EQUAL");
        }
        boolean consistent = recorded >= auth.ok() && recorded <= auth.total();
        return String.format(
                Locale.ROOT,
                "- recorded: %,d rows of this run in auth_transactions; %,d auth requests answered as expected and"
                        + " %,d failed (warm-up included) — %s%n",
                recorded,
                auth.ok(),
                auth.ko(),
                consistent
                        ? "every expected answer recorded; the failures recorded only when they reached the server"
                        : "INCONSISTENT: fewer rows than expected answers, or more rows than requests");
    }
}
