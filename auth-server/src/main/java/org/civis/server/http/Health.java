package org.civis.server.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code /health/live} (the process answers) and {@code /health/ready} (PostgreSQL answers a
 * query and the Hazelcast member is active), on both listeners. The ready answer also tells how
 * far the auth cache has been filled, which readiness does not wait for, and how many recent
 * transaction ids were read back into the replay memory, which it does wait for (the listeners
 * open only after that).
 */
public final class Health {
    private final Pool pool;
    private final BooleanSupplier hazelcastReady;
    private final Supplier<JsonObject> authCache;
    private final Supplier<JsonObject> fingerprintGallery;
    private final Supplier<JsonObject> replayWindow;

    public Health(
            Pool pool,
            BooleanSupplier hazelcastReady,
            Supplier<JsonObject> authCache,
            Supplier<JsonObject> fingerprintGallery,
            Supplier<JsonObject> replayWindow) {
        this.pool = pool;
        this.hazelcastReady = hazelcastReady;
        this.authCache = authCache;
        this.fingerprintGallery = fingerprintGallery;
        this.replayWindow = replayWindow;
    }

    public void mount(Router router) {
        router.get("/health/live").handler(ctx -> ctx.json(new JsonObject().put("status", "UP")));
        router.get("/health/ready").handler(ctx -> postgresReady().onComplete(postgres -> {
            boolean db = postgres.succeeded() && postgres.result();
            boolean hz = hazelcastReady.getAsBoolean();
            JsonObject body = new JsonObject()
                    .put("status", db && hz ? "UP" : "DOWN")
                    .put("postgres", db ? "UP" : "DOWN")
                    .put("hazelcast", hz ? "UP" : "DOWN")
                    .put("authCache", authCache.get())
                    .put("fingerprintGallery", fingerprintGallery.get())
                    .put("replayWindow", replayWindow.get());
            ctx.response()
                    .setStatusCode(db && hz ? 200 : 503)
                    .putHeader("content-type", "application/json")
                    .end(body.encode());
        }));
    }

    private Future<Boolean> postgresReady() {
        return pool.query("select 1").execute().map(rows -> rows.size() == 1);
    }
}
