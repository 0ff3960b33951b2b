package org.civis.server.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import java.util.List;
import org.civis.core.biometrics.FingerprintSearch;
import org.civis.core.biometrics.PreparedFingerprint;

/** Times each 1:N fingerprint search an enrollment runs: {@code civis_fingerprint_search_seconds{outcome}}. */
final class TimedFingerprintSearch implements FingerprintSearch {
    private final FingerprintSearch delegate;
    private final MeterRegistry registry;
    private final Timer found;
    private final Timer failed;

    TimedFingerprintSearch(FingerprintSearch delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.registry = registry;
        this.found = timer(registry, "ok");
        this.failed = timer(registry, "failed");
    }

    private static Timer timer(MeterRegistry registry, String outcome) {
        return Timer.builder("civis.fingerprint.search")
                .description("1:N fingerprint searches before an enrollment, over the whole gallery")
                .tag("outcome", outcome)
                .register(registry);
    }

    @Override
    public Future<Result> search(List<PreparedFingerprint> probe, double threshold, int max) {
        Timer.Sample started = Timer.start(registry);
        return delegate.search(probe, threshold, max)
                .onComplete(done -> started.stop(done.succeeded() ? found : failed));
    }
}
