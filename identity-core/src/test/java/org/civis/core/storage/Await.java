package org.civis.core.storage;

import io.vertx.core.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.civis.core.refusal.Result;

/** Blocks a test thread (never an event loop) on a future. */
public final class Await {
    private Await() {}

    public static <T> T result(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value of a registry answer that must be accepted; a refusal fails the test with its code. */
    public static <T> T accepted(Future<Result<T>> future) {
        return result(future).orElseThrow();
    }

    /** The failure of a future that must fail. */
    public static Throwable failure(Future<?> future) {
        try {
            future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("expected the future to fail");
    }
}
