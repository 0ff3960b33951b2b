package org.civis.server.cli;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.civis.server.CivisServer;
import org.civis.server.config.CivisConfig;
import org.civis.server.config.ConfigLoader;
import picocli.CommandLine.Command;

/** {@code civis serve}: starts the platform and runs until interrupted. */
@Command(name = "serve", description = "Start the platform (embedded PostgreSQL and keys unless configured).")
final class ServeCommand implements Callable<Integer> {

    @Override
    public Integer call() throws InterruptedException {
        CivisConfig config = ConfigLoader.fromEnvironment();
        CivisServer server = CivisServer.start(config);
        long uptimeMs = ManagementFactory.getRuntimeMXBean().getUptime();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            stopped.countDown();
                        },
                        "civis-stop"));

        System.out.printf(Locale.ROOT, "Civis is up (%.1f s since the JVM started)%n", uptimeMs / 1000.0);
        System.out.printf("  partner and resident API  http://%s:%d%n", config.publicHost(), config.publicPort());
        System.out.printf(
                "  admin API                 http://%s:%d   (keep this port internal)%n",
                config.adminHost(), config.adminPort());
        System.out.printf(
                "  readiness                 http://%s:%d/health/ready%n", config.publicHost(), config.publicPort());
        if (config.metrics()) {
            System.out.printf(
                    "  metrics (Prometheus)      http://%s:%d/metrics%n", config.adminHost(), config.adminPort());
        }
        System.out.printf(
                "  data                      %s (database: %s)%n",
                config.dataDir().toAbsolutePath(),
                config.databaseUrl().isPresent() ? "external PostgreSQL" : "embedded PostgreSQL");
        System.out.println("Press Ctrl+C to stop.");
        stopped.await();
        return 0;
    }
}
