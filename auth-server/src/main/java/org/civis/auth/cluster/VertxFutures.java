package org.civis.auth.cluster;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/** Hazelcast answers on its own threads; these bring the answer back to the caller's Vert.x context. */
public final class VertxFutures {
    /**
     * Runs the hand-over on the thread that completes the Hazelcast future (a partition or response
     * thread). Without it, Hazelcast passes every completion through its async executor first: one
     * more thread wake-up per cluster call, which a profile of signed authentication on 2 cores
     * showed as about a sixth of the server's CPU. The hand-over only queues a task on the Vert.x
     * context, so it never blocks the Hazelcast thread.
     */
    private static final Executor ON_COMPLETING_THREAD = Runnable::run;

    private VertxFutures() {}

    public static <T> Future<T> of(CompletionStage<T> stage) {
        Context context = Vertx.currentContext();
        Promise<T> promise = Promise.promise();
        stage.whenCompleteAsync(
                (value, failure) -> {
                    if (context == null) {
                        settle(promise, value, failure);
                    } else {
                        context.runOnContext(ignored -> settle(promise, value, failure));
                    }
                },
                ON_COMPLETING_THREAD);
        return promise.future();
    }

    private static <T> void settle(Promise<T> promise, T value, Throwable failure) {
        if (failure == null) {
            promise.complete(value);
        } else {
            promise.fail(failure);
        }
    }
}
