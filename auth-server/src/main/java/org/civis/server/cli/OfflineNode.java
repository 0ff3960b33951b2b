package org.civis.server.cli;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.civis.auth.credential.CredentialServices;
import org.civis.core.Registry;
import org.civis.core.keys.RegistryKeys;
import org.civis.core.storage.Migrations;
import org.civis.core.storage.PostgresServer;
import org.civis.issuer.keys.IssuerKeystore;
import org.civis.server.config.CivisConfig;
import org.civis.server.config.RegistrySettingsLoader;
import org.civis.server.platform.RegistryKeyStore;

/**
 * What the issuance commands stand on, without the server: the keys, the database (the running
 * server's embedded PostgreSQL if it is up, else started for the command), the registry and the
 * issuance services. Like {@code civis audit verify}, it works whether or not the server runs.
 */
final class OfflineNode implements AutoCloseable {
    final Registry registry;
    final CredentialServices issuance;
    private final PostgresServer postgres;
    private final Vertx vertx;

    private OfflineNode(PostgresServer postgres, Vertx vertx, Registry registry, CredentialServices issuance) {
        this.postgres = postgres;
        this.vertx = vertx;
        this.registry = registry;
        this.issuance = issuance;
    }

    static OfflineNode open(CivisConfig config) {
        RegistryKeys keys = RegistryKeyStore.open(config);
        IssuerKeystore issuerKeys = RegistryKeyStore.openIssuerKeys(config);
        PostgresServer postgres = config.openDatabase();
        try {
            Migrations.apply(postgres); // a data directory last served by an older version lacks the tables
            Vertx vertx = Vertx.vertx();
            Pool pool = postgres.pool(vertx, 2);
            Clock clock = Clock.systemUTC();
            Registry registry = new Registry(pool, keys, RegistrySettingsLoader.from(config), clock);
            return new OfflineNode(
                    postgres,
                    vertx,
                    registry,
                    CredentialServices.of(
                            vertx,
                            pool,
                            registry.identities(),
                            registry.settings().schema(),
                            issuerKeys,
                            config.issuance(),
                            clock));
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
    }

    @Override
    public void close() throws Exception {
        try {
            registry.biometrics().close();
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } finally {
            postgres.close();
        }
    }
}
