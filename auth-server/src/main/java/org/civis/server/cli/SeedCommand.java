package org.civis.server.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.civis.server.config.ConfigLoader;
import org.civis.server.seed.SeedRun;
import org.civis.server.seed.Seeder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code civis seed}: synthetic residents for load tests, through the registry's bulk path. */
@Command(
        name = "seed",
        description = "Load residents 0..N-1 of a synthetic population (load tests) through the bulk path;"
                + " idempotent and resumable. Writes seed/residents.tsv and registers the partner perf-bank"
                + " (seed/partner.json) in the data directory.")
final class SeedCommand implements Callable<Integer> {
    @Option(names = "--count", required = true, description = "how many residents the population has")
    long count;

    @Option(names = "--with-fingerprints", description = "enroll two synthetic fingers per resident")
    boolean withFingerprints;

    @Option(names = "--seed", defaultValue = "1", description = "the population's seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--batch-size",
            defaultValue = "1000",
            description = "packets per transaction (default ${DEFAULT-VALUE})")
    int batchSize;

    @Override
    public Integer call() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl+C: the batches in flight commit or roll back whole, then the command ends.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stop.set(true);
                            awaitQuietly(finished);
                        },
                        "civis-seed-stop"));
        try {
            SeedRun.Summary summary = SeedRun.run(
                    ConfigLoader.fromEnvironment(),
                    new Seeder.Options(count, withFingerprints, seed, batchSize),
                    stop::get,
                    System.err);
            print(summary, stop.get());
            return stop.get() ? 130 : 0;
        } catch (Exception e) {
            if (!stop.get()) {
                throw e;
            }
            // Ctrl+C reaches the embedded PostgreSQL too, which ends the connections of the batches
            // in flight: they roll back whole, and everything committed before is kept.
            System.err.println("seed stopped: committed batches are kept, the batches in flight rolled back;"
                    + " run the same command again to continue");
            return 130;
        } finally {
            finished.countDown();
        }
    }

    private static void print(SeedRun.Summary summary, boolean stopped) {
        Seeder.Report report = summary.report();
        Runtime jvm = Runtime.getRuntime();
        System.out.printf(
                Locale.ROOT,
                "%s: %,d residents imported in %.1f s (%,.0f/s); %,d from earlier runs; %,d parked as demographic"
                        + " duplicates (%,d in the whole population); %,d refused; %,d audit entries chained;"
                        + " database %,.0f MiB; heap in use %,.0f MiB%n",
                stopped ? "seed stopped" : "seed done",
                report.imported(),
                report.seconds(),
                report.rate(),
                report.earlier(),
                report.parked(),
                summary.parkedInPopulation(),
                report.refused(),
                summary.auditChained(),
                summary.databaseBytes() / 1048576.0,
                (jvm.totalMemory() - jvm.freeMemory()) / 1048576.0);
    }

    private static void awaitQuietly(CountDownLatch finished) {
        try {
            finished.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
