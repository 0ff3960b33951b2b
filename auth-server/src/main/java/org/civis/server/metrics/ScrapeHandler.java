package org.civis.server.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a scrape. The text is written on a worker thread: the gauges it reads ask Hazelcast for
 * near-cache statistics, which has no place on an event loop that also serves authentications.
 */
final class ScrapeHandler implements Handler<RoutingContext> {
    private final PrometheusMeterRegistry registry;

    ScrapeHandler(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(RoutingContext ctx) {
        ctx.vertx()
                .executeBlocking(registry::scrape, false)
                .onSuccess(text -> ctx.response()
                        .putHeader("content-type", NodeMetrics.CONTENT_TYPE)
                        .putHeader("cache-control", "no-store")
                        .end(text))
                .onFailure(ctx::fail);
    }
}
