package org.civis.server.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.civis.core.audit.AuditBacklog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far the audit chain is behind: {@code civis_audit_pending_entries} and
 * {@code civis_audit_pending_oldest_age_seconds}. Measured by a query every {@link #PERIOD}, not
 * per scrape: a scrape must not cost a database round trip (several scrapers, or a slow database,
 * would then slow the node or the scrape), and the chainer runs every 250 ms, so a lag worth an
 * alert is minutes, far above the period. Every node measures the same table: the values are the
 * cluster's, repeated on each node.
 */
final class AuditChainLag implements AutoCloseable {
    static final Duration PERIOD = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(AuditChainLag.class);

    private final AuditBacklog backlog;
    private final Clock clock;
    private final AtomicBoolean measuring = new AtomicBoolean();
    private final Vertx vertx;
    private volatile long entries;
    private volatile double oldestAgeSeconds;
    private long timer;

    private AuditChainLag(Vertx vertx, AuditBacklog backlog, Clock clock) {
        this.vertx = vertx;
        this.backlog = backlog;
        this.clock = clock;
    }

    static AuditChainLag start(Vertx vertx, AuditBacklog backlog, Clock clock, MeterRegistry registry) {
        AuditChainLag lag = new AuditChainLag(vertx, backlog, clock);
        Gauge.builder("civis.audit.pending.entries", () -> lag.entries)
                .description("Audit entries not yet chained (counted up to " + AuditBacklog.COUNT_LIMIT
                        + "), measured every " + PERIOD.toSeconds() + " s")
                .register(registry);
        Gauge.builder("civis.audit.pending.oldest.age", () -> lag.oldestAgeSeconds)
                .description("Age of the oldest audit entry not yet chained, 0 when none waits")
                .baseUnit("seconds")
                .register(registry);
        lag.timer = vertx.setPeriodic(0, PERIOD.toMillis(), id -> lag.measure());
        return lag;
    }

    private void measure() {
        if (!measuring.compareAndSet(false, true)) {
            return; // the previous query has not answered yet
        }
        backlog.measure()
                .onSuccess(pending -> {
                    entries = pending.entries();
                    oldestAgeSeconds = pending.oldest()
                            .map(at -> Math.max(
                                    0,
                                    Duration.between(at.toInstant(), clock.instant())
                                                    .toMillis()
                                            / 1e3))
                            .orElse(0.0);
                })
                .onFailure(e ->
                        LOG.debug("audit backlog not measured: {}", e.getClass().getSimpleName()))
                .onComplete(done -> measuring.set(false));
    }

    @Override
    public void close() {
        vertx.cancelTimer(timer);
    }
}
