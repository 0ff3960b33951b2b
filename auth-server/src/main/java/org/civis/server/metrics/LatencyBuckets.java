package org.civis.server.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.time.Duration;
import java.util.stream.LongStream;

/**
 * Histogram buckets for the latencies worth a percentile: HTTP responses, waits for a database
 * connection, and Civis's own timers. A fixed, short list (1 ms to 30 s) rather than Micrometer's
 * percentile histogram, whose ~70 buckets per series would multiply by every route and status.
 */
final class LatencyBuckets implements MeterFilter {
    private static final double[] BUCKETS_NANOS = LongStream.of(
                    1, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000)
            .mapToDouble(millis -> Duration.ofMillis(millis).toNanos())
            .toArray();

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (id.getType() != Meter.Type.TIMER || !histogrammed(id.getName())) {
            return config;
        }
        return DistributionStatisticConfig.builder()
                .serviceLevelObjectives(BUCKETS_NANOS)
                .build()
                .merge(config);
    }

    private static boolean histogrammed(String name) {
        return name.equals("vertx.http.server.response.time")
                || name.equals("vertx.pool.queue.time")
                || name.startsWith("civis.");
    }
}
