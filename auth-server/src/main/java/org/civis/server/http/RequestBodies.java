package org.civis.server.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import org.civis.server.http.BodyLimits.Kind;

/**
 * Declares, for one router, which body each route takes, and reads it within that route's limit.
 * Routes that take fingerprint images, or no body although their method usually carries one, are
 * named with {@link #declare}; every other POST, PUT or PATCH takes a small body and every other
 * method none. Declare before mounting the routes, then call {@link #mountDefault} once.
 */
public final class RequestBodies {
    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    private final Router router;
    private final BodyLimits limits;
    private final BodyBudget budget;

    public RequestBodies(Router router, BodyLimits limits, BodyBudget budget) {
        this.router = router;
        this.limits = limits;
        this.budget = budget;
    }

    /** Makes {@code method path} take a body of {@code kind}. */
    public RequestBodies declare(HttpMethod method, String path, Kind kind) {
        router.route(method, path).handler(reader(kind));
        return this;
    }

    /** Reads the body of every request that no declaration covered, by its method. */
    public void mountDefault() {
        Handler<RoutingContext> small = reader(Kind.SMALL);
        Handler<RoutingContext> none = reader(Kind.NONE);
        router.route().handler(ctx -> (WITH_BODY.contains(ctx.request().method()) ? small : none).handle(ctx));
    }

    private Handler<RoutingContext> reader(Kind kind) {
        return new BoundedBody(limits.of(kind), budget, limits.requestTimeout().toMillis());
    }
}
