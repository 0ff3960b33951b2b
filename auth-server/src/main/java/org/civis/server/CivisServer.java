package org.civis.server;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.civis.core.Registry;
import org.civis.core.keys.RegistryKeys;
import org.civis.core.storage.Migrations;
import org.civis.core.storage.PostgresServer;
import org.civis.server.admin.AdminApi;
import org.civis.server.http.ErrorResponses;
import org.civis.server.http.Health;
import org.civis.server.platform.HazelcastMember;
import org.civis.server.platform.RegistryKeyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Civis node: keys, PostgreSQL, Hazelcast member, registry, and the two listeners
 * (partner/resident API on the public port, admin API on the internal one). Stops in reverse order.
 */
public final class CivisServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CivisServer.class);

    private final CivisConfig config;
    private final Deque<AutoCloseable> stopOrder;

    private CivisServer(CivisConfig config, Deque<AutoCloseable> stopOrder) {
        this.config = config;
        this.stopOrder = stopOrder;
    }

    /** Starts everything, or stops what had started and rethrows. */
    public static CivisServer start(CivisConfig config) {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            // The member takes a second or two to start: it does so while keys and PostgreSQL come up.
            CompletableFuture<HazelcastInstance> member =
                    CompletableFuture.supplyAsync(() -> HazelcastMember.start(config));
            RegistryKeys keys = RegistryKeyStore.open(config);
            PostgresServer postgres = config.databaseUrl()
                    .map(PostgresServer::external)
                    .orElseGet(() -> PostgresServer.embedded(config.embeddedPostgresDir()));
            started.push(postgres);
            Migrations.apply(postgres);
            HazelcastInstance hazelcast = member.get(120, TimeUnit.SECONDS);
            started.push(hazelcast::shutdown);

            Vertx vertx = Vertx.vertx();
            started.push(() -> await(vertx.close()));
            Pool pool = postgres.pool(vertx, config.databasePoolSize()); // closed with Vert.x, after the listeners
            Clock clock = Clock.systemUTC();
            Registry registry = new Registry(pool, keys, RegistrySettingsLoader.from(config), clock);
            AuditChaining chaining = AuditChaining.start(vertx, registry.auditChainer());
            started.push(chaining::stop); // before Vert.x closes: the last entries get chained
            Health health = new Health(pool, () -> HazelcastMember.isReady(hazelcast));

            DeploymentOptions instances = new DeploymentOptions().setInstances(config.httpInstances());
            await(vertx.deployVerticle(
                    () -> new HttpListener(config.publicHost(), config.publicPort(), () -> publicRouter(vertx, health)),
                    instances));
            await(vertx.deployVerticle(
                    () -> new HttpListener(
                            config.adminHost(),
                            config.adminPort(),
                            () -> AdminApi.router(vertx, registry, health, config.maxBodyBytes(), clock)),
                    instances));
            return new CivisServer(config, started);
        } catch (Exception e) {
            stopAll(started);
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException("start-up failed", e);
        }
    }

    /** The partner and resident API. For now it answers health checks; the APIs arrive with their issues. */
    private static Router publicRouter(Vertx vertx, Health health) {
        Router router = Router.router(vertx);
        health.mount(router);
        ErrorResponses.install(router);
        return router;
    }

    public CivisConfig config() {
        return config;
    }

    @Override
    public void close() {
        stopAll(stopOrder);
    }

    private static void stopAll(Deque<AutoCloseable> started) {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                LOG.warn("a component did not stop cleanly: {}", e.getClass().getSimpleName());
            }
        }
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
