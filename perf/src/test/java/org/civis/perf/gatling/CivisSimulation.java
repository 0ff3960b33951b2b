package org.civis.perf.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.BiFunction;

/**
 * What every Civis simulation does: a warm-up phase, the measured phase, then the same load on
 * {@code GET /health/live} (the server's cheapest answer) as a baseline, one after the other in
 * one run, so results can be read as ratios that survive a noisy machine. Request names tell the
 * phases apart: {@code warm-up ...}, the measured names, {@code baseline: GET /health/live}.
 * Requests whose names start with {@code auth:} are the ones the server records in
 * {@code auth_transactions}.
 */
public abstract class CivisSimulation extends Simulation {
    public static final String WARM_UP = "warm-up ";
    public static final String BASELINE = "baseline: GET /health/live";

    protected final LoadSettings settings = LoadSettings.fromSystemProperties();
    protected final SeededPopulation population = SeededPopulation.read(settings.dataDir());
    protected final PartnerRequests requests = new PartnerRequests(population.partner(), settings.runId());
    private final GeneratorMeter meter = new GeneratorMeter();
    private Presigned feeder;
    private long cpuAtStart;
    private long wallAtStart;

    /** What one virtual user does; {@code prefix} goes before every request name ("" when measured). */
    protected abstract ChainBuilder flow(String prefix);

    /** The base URL the scenario's requests go to (the public API unless said otherwise). */
    protected String baseUrl() {
        return settings.publicUrl();
    }

    /** Builds the run; subclasses call it last in their constructor, when their fields are set. */
    protected final void start(Presigned presigned) {
        this.feeder = presigned;
        HttpProtocolBuilder protocol = protocol();
        List<PopulationBuilder> phases = new ArrayList<>();
        if (!settings.warmUp().isZero()) {
            phases.add(warmUp(metered("warm-up", flow(WARM_UP)), settings.warmUp()));
        }
        phases.add(injected(metered("measured", flow("")), settings.duration()));
        phases.addAll(afterMeasured());
        if (!settings.baseline().isZero()) {
            ChainBuilder baseline = exec(
                    http(BASELINE).get(settings.publicUrl() + "/health/live").check(status().is(200)));
            phases.add(injected(metered("baseline", baseline), settings.baseline()));
        }
        PopulationBuilder chain = phases.get(phases.size() - 1);
        for (int i = phases.size() - 2; i >= 0; i--) {
            chain = phases.get(i).andThen(chain);
        }
        setUp(chain).protocols(protocol);
    }

    /** How requests go out: the partner API's signed bodies unless a scenario says otherwise. */
    protected HttpProtocolBuilder protocol() {
        return http.baseUrl(baseUrl())
                // Connections are pooled across virtual users, as a bank's gateway pools them; a new
                // connection per request would measure TCP set-up instead.
                .shareConnections()
                .contentTypeHeader("application/jose");
    }

    /**
     * Phases a scenario runs between the measured phase and the baseline (none by default); their
     * request names must say which phase they belong to, as the warm-up's do.
     */
    protected List<PopulationBuilder> afterMeasured() {
        return List.of();
    }

    /** More lines for the generator report, which the run summary reads (none by default). */
    protected Properties extraReport() {
        return new Properties();
    }

    /** The phase's first virtual user marks its start for the generator's CPU accounting. */
    protected final ScenarioBuilder metered(String phase, ChainBuilder flow) {
        return scenario(phase)
                .exec(session -> {
                    meter.mark(phase);
                    return session;
                })
                .exec(flow);
    }

    /**
     * The warm-up: the same load as the measured phase, except that an open run ramps up from a
     * tenth of its rate. At the full rate from the first second, the cold server fell behind, and
     * the generator opened a connection for every waiting request until it ran out of file
     * descriptors (2026-12-02, 2,000 and 2,500 arrivals/s).
     */
    private PopulationBuilder warmUp(ScenarioBuilder scenario, Duration during) {
        return settings.model().equals("closed")
                ? injected(scenario, during)
                : scenario.injectOpen(rampUsersPerSec(settings.rate() / 10)
                        .to(settings.rate())
                        .during(during));
    }

    protected final PopulationBuilder injected(ScenarioBuilder scenario, Duration during) {
        return settings.model().equals("closed")
                ? scenario.injectClosed(
                        constantConcurrentUsers(settings.users()).during(during))
                : scenario.injectOpen(constantUsersPerSec(settings.rate()).during(during));
    }

    /**
     * Requests signed before the run, one per seeded resident in turn; {@code sign} gets the
     * resident and the request's number.
     */
    protected final Presigned presigned(BiFunction<SeededPopulation.Seeded, Long, String> sign) {
        return new Presigned(settings.presign(), n -> {
            SeededPopulation.Seeded seeded = population.get(n, settings.residents());
            return Presigned.record(
                    sign.apply(seeded, n), seeded.uin(), seeded.resident().phone());
        });
    }

    /** A POST of the fed JWS ({@code #{body}} unless said otherwise) as the seeded bank. */
    protected final HttpRequestActionBuilder partnerPost(String name, String path, String body) {
        return http(name)
                .post(path)
                .header("authorization", requests.authorization())
                .body(StringBody(body));
    }

    /** The answer is a signed JWS whose payload says {@code "authenticated": true}. */
    protected static CheckBuilder authenticated() {
        return bodyString()
                .transform(CivisSimulation::payload)
                .transform(p -> p.contains("\"authenticated\":true"))
                .is(true);
    }

    private static String payload(String jws) {
        String[] parts = jws.split("\\.");
        return parts.length == 3 ? new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8) : "";
    }

    @Override
    public void before() {
        cpuAtStart = processCpuNanos();
        wallAtStart = System.nanoTime();
    }

    /** What the load generator cost: signing before the run, and its CPU during the run. */
    @Override
    public void after() {
        meter.finish();
        double wall = (System.nanoTime() - wallAtStart) / 1e9;
        double cpu = (processCpuNanos() - cpuAtStart) / 1e9;
        Properties report = new Properties();
        report.setProperty("presigned", Integer.toString(feeder == null ? 0 : feeder.stocked()));
        report.setProperty("presignSeconds", format(feeder == null ? 0 : feeder.secondsSigning()));
        report.setProperty("signedOnTheFly", Long.toString(feeder == null ? 0 : feeder.signedOnTheFly()));
        report.setProperty("generatorCpuSeconds", format(cpu));
        report.setProperty("runSeconds", format(wall));
        report.setProperty("generatorCoresPerPhase", meter.coresPerPhase());
        report.setProperty("transactionPrefix", requests.transactionPrefix());
        report.setProperty("load", settings.describe());
        report.putAll(extraReport());
        try {
            Files.createDirectories(settings.generatorReport().getParent());
            try (var out = Files.newBufferedWriter(settings.generatorReport(), StandardCharsets.UTF_8)) {
                report.store(out, "what the load generator cost in this run");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
