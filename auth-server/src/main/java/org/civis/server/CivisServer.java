package org.civis.server;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.civis.auth.cluster.ReplayMemory;
import org.civis.auth.cluster.gallery.GalleryShare;
import org.civis.auth.cluster.gallery.PartitionedFingerprintSearch;
import org.civis.auth.credential.CredentialServices;
import org.civis.auth.keys.AuthKeys;
import org.civis.auth.transaction.AuthRecorder;
import org.civis.auth.transaction.ReplayWindow;
import org.civis.auth.view.AuthCacheWarmer;
import org.civis.auth.view.AuthViews;
import org.civis.core.Registry;
import org.civis.core.audit.AuditBacklog;
import org.civis.core.biometrics.Biometrics;
import org.civis.core.keys.RegistryKeys;
import org.civis.core.storage.Migrations;
import org.civis.core.storage.PostgresServer;
import org.civis.issuer.keys.IssuerKeystore;
import org.civis.server.admin.AdminApi;
import org.civis.server.config.CivisConfig;
import org.civis.server.config.HttpSettings;
import org.civis.server.config.RegistrySettingsLoader;
import org.civis.server.http.BodyBudget;
import org.civis.server.http.Health;
import org.civis.server.metrics.NodeMetrics;
import org.civis.server.operator.DevelopmentIssuer;
import org.civis.server.operator.OperatorAuthHandler;
import org.civis.server.operator.OperatorAuthenticator;
import org.civis.server.partnerapi.AuthComponents;
import org.civis.server.partnerapi.PublicApi;
import org.civis.server.platform.HazelcastMember;
import org.civis.server.platform.PrivateDataDir;
import org.civis.server.platform.RegistryKeyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Civis node: keys, PostgreSQL, Hazelcast member, registry, credential issuance, and the
 * two listeners (partner/resident API and trust lists on the public port, admin API on the internal
 * one). Stops in reverse order.
 */
public final class CivisServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CivisServer.class);

    private final CivisConfig config;
    private final HazelcastInstance hazelcast;
    private final Deque<AutoCloseable> stopOrder;

    private CivisServer(CivisConfig config, HazelcastInstance hazelcast, Deque<AutoCloseable> stopOrder) {
        this.config = config;
        this.hazelcast = hazelcast;
        this.stopOrder = stopOrder;
    }

    /** Starts everything, or stops what had started and rethrows. */
    public static CivisServer start(CivisConfig config) {
        return start(config, Clock.systemUTC());
    }

    /** As {@link #start(CivisConfig)}, on a given clock (tests move it to expire codes and VIDs). */
    public static CivisServer start(CivisConfig config, Clock clock) {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            PrivateDataDir.prepare(config.dataDir()); // before anything writes keys, passwords or codes into it
            // The join secret comes from the auth keys, so they open first; the member takes a
            // second or two to start: it does so while the other keys and PostgreSQL come up.
            AuthKeys authKeys = RegistryKeyStore.openAuthKeys(config);
            String joinSecret = authKeys.clusterJoinSecret(config.hazelcastClusterName());
            CompletableFuture<HazelcastInstance> member =
                    CompletableFuture.supplyAsync(() -> HazelcastMember.start(config, joinSecret));
            RegistryKeys keys = RegistryKeyStore.open(config);
            IssuerKeystore issuerKeys = RegistryKeyStore.openIssuerKeys(config);
            PostgresServer postgres = config.openDatabase();
            postgres.stoppedByOwnerAtExit(); // closed last by close(), after the final writes
            started.push(postgres);
            Migrations.apply(postgres);
            HazelcastInstance hazelcast = member.get(120, TimeUnit.SECONDS);
            started.push(hazelcast::shutdown);

            NodeMetrics metrics = NodeMetrics.create(config.metrics());
            started.push(metrics); // closed last of what follows: everything reports into it
            metrics.watchCluster(hazelcast);
            Vertx vertx = metrics.newVertx();
            started.push(() -> await(vertx.close()));
            Pool pool = postgres.pool(vertx, config.databasePoolSize()); // closed with Vert.x, after the listeners
            // The registry tells the auth cache of each change; the cache reads through the registry.
            // The status lists hear of it too, so this node derives them again at the next request.
            AtomicReference<AuthViews> views = new AtomicReference<>();
            AtomicReference<CredentialServices> issuance = new AtomicReference<>();
            Registry registry = new Registry(
                    pool,
                    keys,
                    RegistrySettingsLoader.from(config),
                    uin -> {
                        issuance.get().statusLists().changed();
                        return views.get().changed(uin);
                    },
                    clock);
            issuance.set(CredentialServices.of(
                    vertx,
                    pool,
                    registry.identities(),
                    registry.settings().schema(),
                    issuerKeys,
                    config.issuance(),
                    clock));
            started.push(IssuerKeysWatch.start(vertx, issuance.get()));
            started.push(registry.biometrics()); // its workers stop after everything that submits to them
            Biometrics biometrics = registry.biometrics();
            wireFingerprintSearch(vertx, hazelcast, biometrics, metrics, started);
            AuditChaining chaining = AuditChaining.start(vertx, registry.auditChainer());
            started.push(chaining::stop); // before Vert.x closes: the last entries get chained
            started.push(metrics.watchAuditChain(vertx, new AuditBacklog(pool), clock));
            AuthRecorder recorder = new AuthRecorder(pool);
            started.push(recorder::stop); // after the listeners stop: every request in flight is written
            metrics.watchQueues(recorder, biometrics);
            AuthWiring.Wired wired = AuthWiring.components(
                    config, vertx, hazelcast, pool, registry, authKeys, recorder, views, metrics, clock);
            AuthComponents auth = wired.auth();
            // Before the listeners open: a replay of a request admitted before the restart is refused at the gate.
            ReplayWindow.Loaded replayWindow = await(
                    new ReplayWindow(
                                    pool,
                                    new ReplayMemory(hazelcast, config.auth().requestTimeWindow()),
                                    clock)
                            .load(),
                    600);
            LOG.info(
                    "replay window read back: {} transaction ids in {} ms", replayWindow.keys(), replayWindow.millis());
            AuthCacheWarmer warmer = new AuthCacheWarmer(vertx, registry.authFacts(), views.get(), hazelcast);
            Health health = new Health(
                    pool,
                    () -> HazelcastMember.isReady(hazelcast),
                    () -> new JsonObject().put("warm", warmer.warm()).put("viewsStored", warmer.viewsStored()),
                    () -> biometrics.holdsGallery()
                            ? new JsonObject()
                                    .put("held", true)
                                    .put("identities", biometrics.gallery().size())
                            : new JsonObject().put("held", false),
                    replayWindow::json);

            // Before the listeners: the admin API admits no one until it can check operator tokens.
            OperatorAuthenticator.Running operators = await(OperatorAuthenticator.start(
                    vertx,
                    config.operators(),
                    () -> DevelopmentIssuer.openOrCreate(config.dataDir(), config.keystorePassword())));
            started.push(operators.stop()::run);
            OperatorAuthHandler operatorAuth = new OperatorAuthHandler(operators.authenticator());

            DeploymentOptions instances = new DeploymentOptions().setInstances(config.httpInstances());
            HttpSettings http = config.http();
            BodyBudget bodies = new BodyBudget(http.bodies().inFlight()); // one for the node: both listeners
            String publicListener = await(vertx.deployVerticle(
                    () -> new HttpListener(
                            "public",
                            config.publicHost(),
                            config.publicPort(),
                            http.publicTls(),
                            http,
                            () -> PublicApi.router(
                                    vertx,
                                    health,
                                    auth,
                                    wired.resident(),
                                    wired.oidc(),
                                    issuance.get(),
                                    http.bodies(),
                                    bodies,
                                    clock)),
                    instances));
            started.push(() -> await(vertx.undeploy(publicListener)));
            String adminListener = await(vertx.deployVerticle(
                    () -> new HttpListener(
                            "admin",
                            config.adminHost(),
                            config.adminPort(),
                            http.adminTls(),
                            http,
                            () -> metrics.expose(AdminApi.router(
                                    vertx,
                                    registry,
                                    auth.partners(),
                                    issuance.get().credentials(),
                                    health,
                                    http.bodies(),
                                    bodies,
                                    metrics.enrollments(),
                                    operatorAuth,
                                    clock))),
                    instances));
            started.push(() -> await(vertx.undeploy(adminListener)));
            if (config.auth().warmCacheAtStart()) {
                started.push(warmer.start()); // in the background: the listeners serve meanwhile
            }
            return new CivisServer(config, hazelcast, started);
        } catch (Exception e) {
            stopAll(started);
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure(e), e);
        }
    }

    /**
     * 1:N search is split over the members that hold a gallery. A gallery node follows the template
     * table and scans its share; an auth-only node ({@code CIVIS_BIO_GALLERY=false}) keeps no
     * fingers in memory and asks the gallery nodes.
     */
    private static void wireFingerprintSearch(
            Vertx vertx,
            HazelcastInstance hazelcast,
            Biometrics biometrics,
            NodeMetrics metrics,
            Deque<AutoCloseable> started) {
        if (!biometrics.holdsGallery()) {
            LOG.info("this node holds no fingerprint gallery: the gallery nodes search its enrollments' fingers");
            biometrics.searchWith(metrics.timed(new PartitionedFingerprintSearch(vertx, hazelcast)));
            return;
        }
        started.push(GalleryFollower.start(vertx, biometrics.gallery()));
        GalleryShare share = new GalleryShare(hazelcast, biometrics);
        started.push(share.register()); // withdrawn before the workers stop: others then see the gap
        biometrics.searchWith(metrics.timed(new PartitionedFingerprintSearch(vertx, hazelcast, share)));
    }

    public CivisConfig config() {
        return config;
    }

    /** How many members this node's Hazelcast cluster has now. */
    public int hazelcastMembers() {
        return hazelcast.getCluster().getMembers().size();
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

    /** Names the root cause, so that a report that shows only the message still says why (a port in use, a timeout). */
    private static String failure(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "start-up failed: " + root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : " (" + root.getMessage() + ")");
    }

    private static <T> T await(Future<T> future) throws Exception {
        return await(future, 60);
    }

    private static <T> T await(Future<T> future, long seconds) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
    }
}
