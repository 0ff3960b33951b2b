package org.civis.server.seed;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.civis.auth.partner.PartnerChanges;
import org.civis.auth.partner.PartnerService;
import org.civis.core.Registry;
import org.civis.core.identity.IdentityChanges;
import org.civis.core.keys.RegistryKeys;
import org.civis.core.schema.FieldSpec;
import org.civis.core.storage.Migrations;
import org.civis.core.storage.PostgresServer;
import org.civis.server.config.CivisConfig;
import org.civis.server.config.RegistrySettingsLoader;
import org.civis.server.platform.RegistryKeyStore;

/**
 * One seeding of a data directory, as {@code civis seed} runs it: the registry keys and the
 * database of the configuration (the embedded server is attached to if a node runs on it, else
 * started for the run), the partner, the residents, then the audit entries chained.
 */
public final class SeedRun {
    private SeedRun() {}

    /** The seeder's report plus what the data directory holds afterwards. */
    public record Summary(Seeder.Report report, long parkedInPopulation, int auditChained, long databaseBytes) {}

    public static Summary run(CivisConfig config, Seeder.Options options, BooleanSupplier stop, PrintStream err)
            throws Exception {
        RegistryKeys keys = RegistryKeyStore.open(config);
        try (PostgresServer postgres = config.openDatabase()) {
            Migrations.apply(postgres);
            Vertx vertx = Vertx.vertx();
            Pool pool = postgres.pool(vertx, 4);
            Registry registry = new Registry(
                    pool, keys, RegistrySettingsLoader.from(config), IdentityChanges.NONE, Clock.systemUTC());
            try {
                SeedFiles files = new SeedFiles(config.dataDir());
                PartnerService partners = new PartnerService(
                        pool,
                        PartnerChanges.NONE,
                        registry.settings().schema().fields().stream()
                                .map(FieldSpec::name)
                                .collect(Collectors.toSet()),
                        Clock.systemUTC());
                err.println("seed: " + Seeder.await(new SeedPartner(partners, files).ensure()));
                Seeder.Report report = new Seeder(registry.bulkEnrollments(), pool, files, err).run(options, stop);
                err.println("seed: chaining the audit entries of the import...");
                int chained = Seeder.await(registry.auditChainer().chainPending());
                return new Summary(report, parked(pool), chained, databaseBytes(pool));
            } finally {
                registry.biometrics().close();
                vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Demographic dedup hits among the seeded residents: different people with the same keys. */
    private static long parked(Pool pool) throws Exception {
        return Seeder.await(pool.query("select count(*) from enrollments where status = 'DUPLICATE_SUSPECTED'"
                                + " and registration_id like 'seed-%'")
                        .execute())
                .iterator()
                .next()
                .getLong(0);
    }

    private static long databaseBytes(Pool pool) throws Exception {
        return Seeder.await(pool.query("select pg_database_size(current_database())")
                        .execute())
                .iterator()
                .next()
                .getLong(0);
    }
}
