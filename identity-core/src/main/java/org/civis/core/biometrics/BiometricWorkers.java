package org.civis.core.biometrics;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that extract and compare fingerprints. Bounded both ways: a fixed number of threads
 * (the work is CPU-bound, more threads than cores only adds switching) and a bounded queue, so a
 * burst is refused with BIOMETRICS_BUSY instead of growing memory and latency without limit.
 * Results come back on the caller's Vert.x context, so callers keep their threading model.
 */
public final class BiometricWorkers implements AutoCloseable {
    private final ThreadPoolExecutor executor;

    public BiometricWorkers(int threads, int queueLimit) {
        AtomicInteger counter = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(
                threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queueLimit), work -> {
                    Thread thread = new Thread(work, "civis-biometrics-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    public int threads() {
        return executor.getMaximumPoolSize();
    }

    /** Jobs waiting for a thread now (for the metrics; the queue refuses past its limit). */
    public int queued() {
        return executor.getQueue().size();
    }

    /** Threads running a job now, approximately (for the metrics). */
    public int busy() {
        return executor.getActiveCount();
    }

    /** Runs {@code job} on a worker; fails with {@link BiometricsUnavailable#busy} when the queue is full. */
    public <T> Future<T> submit(Callable<T> job) {
        Context context = Vertx.currentContext();
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    result.complete(job.call());
                } catch (Exception | Error failure) {
                    result.completeExceptionally(failure);
                }
            });
        } catch (RejectedExecutionException full) {
            return Future.failedFuture(BiometricsUnavailable.busy());
        }
        return context == null ? Future.fromCompletionStage(result) : Future.fromCompletionStage(result, context);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
