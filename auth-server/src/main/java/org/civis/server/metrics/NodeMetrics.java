package org.civis.server.metrics;

import com.hazelcast.core.HazelcastInstance;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;
import org.civis.auth.otp.NotificationChannel;
import org.civis.auth.transaction.AuthRecorder;
import org.civis.core.audit.AuditBacklog;
import org.civis.core.biometrics.Biometrics;
import org.civis.core.biometrics.FingerprintSearch;

/**
 * The node's one meter registry, made at start and handed to what reports into it. Off
 * ({@code CIVIS_METRICS=false}), Vert.x runs without its metrics SPI, every meter here is a no-op
 * and there is no {@code /metrics} route: the way to measure what metrics cost.
 */
public final class NodeMetrics implements AutoCloseable {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final MeterRegistry registry;
    private final Optional<PrometheusMeterRegistry> prometheus;
    private final AuthMetrics auth;
    private final EnrollmentMetrics enrollments;

    private NodeMetrics(MeterRegistry registry, Optional<PrometheusMeterRegistry> prometheus) {
        this.registry = registry;
        this.prometheus = prometheus;
        this.auth = new AuthMetrics(registry);
        this.enrollments = new EnrollmentMetrics(registry);
    }

    /** A registry the admin listener exposes, or (off) one that records nothing. */
    public static NodeMetrics create(boolean enabled) {
        if (!enabled) {
            // A composite with no registry in it makes no-op meters.
            return new NodeMetrics(new CompositeMeterRegistry(), Optional.empty());
        }
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // Before any meter exists: filters apply to meters registered after them only.
        prometheus.config().meterFilter(new RouteLabel()).meterFilter(new LatencyBuckets());
        return new NodeMetrics(prometheus, Optional.of(prometheus));
    }

    public boolean enabled() {
        return prometheus.isPresent();
    }

    public MeterRegistry registry() {
        return registry;
    }

    /**
     * A Vert.x whose HTTP servers and clients, SQL pool and worker pools report here. The labels are
     * chosen, not defaulted: the route label is the matched route's template ({@code
     * /v1/identities/:uin}), and the raw path (HTTP_PATH) and the peer address (REMOTE) are never
     * labels, as they would carry identifiers and grow without bound.
     */
    public Vertx newVertx() {
        if (prometheus.isEmpty()) {
            return Vertx.vertx();
        }
        MicrometerMetricsOptions options = new MicrometerMetricsOptions()
                .setEnabled(true)
                // Vert.x keeps its registries by name in a static map, and tests run several nodes in one JVM.
                .setRegistryName("civis-" + UUID.randomUUID())
                .setLabels(EnumSet.of(
                        Label.LOCAL,
                        Label.HTTP_ROUTE,
                        Label.HTTP_METHOD,
                        Label.HTTP_CODE,
                        Label.POOL_TYPE,
                        Label.POOL_NAME))
                .setJvmMetricsEnabled(true)
                .addDisabledMetricsCategory(MetricsDomain.EVENT_BUS); // the event bus is not used
        return Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(options))
                .withMetrics(new MicrometerMetricsFactory(prometheus.get()))
                .build();
    }

    /** Adds {@code GET /metrics} (text exposition format) to the admin router; returns the router. */
    public Router expose(Router admin) {
        prometheus.ifPresent(registry -> admin.get("/metrics").handler(new ScrapeHandler(registry)));
        return admin;
    }

    /** Decisions of the partner API, by kind, outcome and first error code. */
    public AuthMetrics auth() {
        return auth;
    }

    public EnrollmentMetrics enrollments() {
        return enrollments;
    }

    /** {@code channel}, counting sends and failures and timing each delivery. */
    public NotificationChannel counted(NotificationChannel channel) {
        return enabled() ? new CountedOtpChannel(channel, registry) : channel;
    }

    /** {@code search}, timing each 1:N fingerprint search. */
    public FingerprintSearch timed(FingerprintSearch search) {
        return enabled() ? new TimedFingerprintSearch(search, registry) : search;
    }

    /** Hazelcast members and the near caches' hits and misses, read at each scrape. */
    public void watchCluster(HazelcastInstance hazelcast) {
        if (enabled()) {
            ClusterGauges.register(registry, hazelcast);
        }
    }

    /** The auth-record writer's queue and flush lag, and the fingerprint workers' queue. */
    public void watchQueues(AuthRecorder recorder, Biometrics biometrics) {
        if (enabled()) {
            QueueGauges.register(registry, recorder, biometrics);
        }
    }

    /** Samples the audit chain's backlog on a timer (a query per period, none per scrape); stop it on close. */
    public AutoCloseable watchAuditChain(Vertx vertx, AuditBacklog backlog, Clock clock) {
        if (!enabled()) {
            return () -> {};
        }
        return AuditChainLag.start(vertx, backlog, clock, registry);
    }

    @Override
    public void close() {
        registry.close();
    }
}
