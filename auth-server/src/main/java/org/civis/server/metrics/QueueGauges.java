package org.civis.server.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.civis.auth.transaction.AuthRecorder;
import org.civis.core.biometrics.BiometricWorkers;
import org.civis.core.biometrics.Biometrics;

/**
 * The queues a busy node fills first, read at each scrape: the auth-record writer (records waiting
 * for their commit, and how long the oldest has waited: the flush lag every answer waits behind)
 * and the fingerprint workers (jobs queued and threads busy; past the queue's limit, BIO_BUSY).
 */
final class QueueGauges {
    private QueueGauges() {}

    static void register(MeterRegistry registry, AuthRecorder recorder, Biometrics biometrics) {
        Gauge.builder("civis.auth.records.waiting", recorder::waiting)
                .description("Auth transaction records waiting for their commit")
                .register(registry);
        Gauge.builder(
                        "civis.auth.records.oldest.wait",
                        () -> recorder.oldestWaiting().toNanos() / 1e9)
                .description("How long the oldest record not yet committed has waited")
                .baseUnit("seconds")
                .register(registry);
        BiometricWorkers workers = biometrics.workers();
        Gauge.builder("civis.fingerprint.queue.depth", workers::queued)
                .description("Fingerprint jobs (extraction, comparison, search) waiting for a worker")
                .register(registry);
        Gauge.builder("civis.fingerprint.workers.busy", workers::busy)
                .description("Fingerprint worker threads running a job")
                .register(registry);
        Gauge.builder("civis.fingerprint.workers", workers::threads)
                .description("Fingerprint worker threads")
                .register(registry);
        if (biometrics.holdsGallery()) {
            Gauge.builder(
                            "civis.fingerprint.gallery.identities",
                            () -> biometrics.gallery().size())
                    .description("Identities in this node's 1:N gallery")
                    .register(registry);
        }
    }
}
