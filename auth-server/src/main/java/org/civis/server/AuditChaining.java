package org.civis.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.civis.core.audit.AuditChainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the audit chainer every {@value #PERIOD_MS} ms, one run at a time, and once more on stop so
 * a clean shutdown leaves nothing unchained. The period bounds how long a new entry stays outside
 * the chain.
 */
final class AuditChaining {
    static final long PERIOD_MS = 250;
    private static final Logger LOG = LoggerFactory.getLogger(AuditChaining.class);

    private final Vertx vertx;
    private final AuditChainer chainer;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timer;

    private AuditChaining(Vertx vertx, AuditChainer chainer) {
        this.vertx = vertx;
        this.chainer = chainer;
    }

    static AuditChaining start(Vertx vertx, AuditChainer chainer) {
        AuditChaining chaining = new AuditChaining(vertx, chainer);
        chaining.timer = vertx.setPeriodic(0, PERIOD_MS, id -> chaining.runOnce());
        return chaining;
    }

    private Future<Integer> runOnce() {
        if (!running.compareAndSet(false, true)) {
            return Future.succeededFuture(0); // the previous run is still busy with a large backlog
        }
        return chainer.chainPending()
                .onFailure(e -> LOG.warn(
                        "audit chaining failed, will retry: {}", e.getClass().getSimpleName()))
                .onComplete(done -> running.set(false));
    }

    void stop() throws Exception {
        vertx.cancelTimer(timer);
        chainer.chainPending().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
