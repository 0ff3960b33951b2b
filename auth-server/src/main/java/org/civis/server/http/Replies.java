package org.civis.server.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;
import org.civis.core.refusal.Result;

/**
 * Answers a service's {@link Result}: an accepted value as JSON, a refusal through
 * {@link ErrorResponses#refuse}. A failed future (broken infrastructure) goes to the router's one
 * failure handler.
 */
public final class Replies {
    private Replies() {}

    /** The accepted value written by {@code body}, or the refusal. */
    public static <T> void json(RoutingContext ctx, Future<Result<T>> answer, Function<T, JsonObject> body) {
        answer.onSuccess(result -> json(ctx, result.map(body))).onFailure(ctx::fail);
    }

    /** The accepted JSON, or the refusal. */
    public static void json(RoutingContext ctx, Result<JsonObject> result) {
        if (result instanceof Result.Accepted<JsonObject> accepted) {
            ctx.json(accepted.value());
        } else {
            ErrorResponses.refuse(ctx, ((Result.Refused<JsonObject>) result).refusal());
        }
    }
}
