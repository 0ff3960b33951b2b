package org.civis.server.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Consumer;
import java.util.function.Function;
import org.civis.core.refusal.Result;

/**
 * Answers a service's {@link Result}: an accepted value as the route writes it, a refusal through
 * {@link ErrorResponses#refuse}. A failed future (broken infrastructure) goes to the router's one
 * failure handler.
 */
public final class Replies {
    private Replies() {}

    /** The accepted value written by {@code body} as JSON, or the refusal. */
    public static <T> void json(RoutingContext ctx, Future<Result<T>> answer, Function<T, JsonObject> body) {
        answer(ctx, answer, value -> ctx.json(body.apply(value)));
    }

    /** The accepted JSON, or the refusal. */
    public static void json(RoutingContext ctx, Future<Result<JsonObject>> answer) {
        answer(ctx, answer, ctx::json);
    }

    /** The accepted value written by {@code write}, or the refusal. */
    public static <T> void answer(RoutingContext ctx, Future<Result<T>> answer, Consumer<T> write) {
        answer.onSuccess(result -> answer(ctx, result, write)).onFailure(ctx::fail);
    }

    /** The accepted value written by {@code write}, or the refusal. */
    public static <T> void answer(RoutingContext ctx, Result<T> result, Consumer<T> write) {
        if (result instanceof Result.Accepted<T> accepted) {
            write.accept(accepted.value());
        } else {
            ErrorResponses.refuse(ctx, ((Result.Refused<T>) result).refusal());
        }
    }
}
