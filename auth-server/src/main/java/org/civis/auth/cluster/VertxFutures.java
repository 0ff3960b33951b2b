package org.civis.auth.cluster;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletionStage;

/** Hazelcast answers on its own threads; these bring the answer back to the caller's Vert.x context. */
public final class VertxFutures {
    private VertxFutures() {}

    public static <T> Future<T> of(CompletionStage<T> stage) {
        Context context = Vertx.currentContext();
        return context == null ? Future.fromCompletionStage(stage) : Future.fromCompletionStage(stage, context);
    }
}
