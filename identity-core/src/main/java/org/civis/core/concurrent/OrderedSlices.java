package org.civis.core.concurrent;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Splits a list into contiguous slices, one per thread that will take one, runs each slice
 * through the given asynchronous step, and joins the results in the list's order.
 */
public final class OrderedSlices {
    private OrderedSlices() {}

    /**
     * @param slices at most this many slices (fewer when the list is shorter); at least one
     * @param step runs one slice, typically on a worker pool, and returns its results in order
     */
    public static <T, R> Future<List<R>> map(List<T> items, int slices, Function<List<T>, Future<List<R>>> step) {
        if (items.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        int count = Math.max(1, Math.min(slices, items.size()));
        List<Future<List<R>>> parts = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            parts.add(step.apply(items.subList(s * items.size() / count, (s + 1) * items.size() / count)));
        }
        return Future.all(parts).map(all -> {
            List<R> joined = new ArrayList<>(items.size());
            for (int s = 0; s < count; s++) {
                joined.addAll(all.<List<R>>resultAt(s));
            }
            return joined;
        });
    }
}
