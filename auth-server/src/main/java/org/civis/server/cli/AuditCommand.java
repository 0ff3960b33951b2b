package org.civis.server.cli;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.civis.core.audit.AuditChainer;
import org.civis.core.audit.AuditVerification;
import org.civis.core.audit.AuditVerifier;
import org.civis.core.keys.RegistryKeys;
import org.civis.core.storage.PostgresServer;
import org.civis.server.config.CivisConfig;
import org.civis.server.config.ConfigLoader;
import org.civis.server.platform.RegistryKeyStore;
import picocli.CommandLine.Command;

/** {@code civis audit verify}: checks the audit chain, whether or not the server is running. */
@Command(name = "audit", description = "Audit log commands.", subcommands = AuditCommand.Verify.class)
final class AuditCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(
            name = "verify",
            description = "Recompute the audit log's hash chain; exit 1 naming the first broken entry.")
    static final class Verify implements Callable<Integer> {

        @Override
        public Integer call() throws Exception {
            CivisConfig config = ConfigLoader.fromEnvironment();
            RegistryKeys keys = RegistryKeyStore.open(config);
            // Embedded: attaches to the server's PostgreSQL when it runs, else starts it for this check.
            try (PostgresServer postgres = config.openDatabase()) {
                Vertx vertx = Vertx.vertx();
                try {
                    Pool pool = postgres.pool(vertx, 2);
                    // Entries recorded but not yet chained (the server chains every 250 ms) are chained first,
                    // so the check covers everything written so far.
                    AuditVerification result = new AuditChainer(keys.auditKey(), pool)
                            .chainPending()
                            .compose(chained -> new AuditVerifier(keys.auditKey(), pool).verify())
                            .toCompletionStage()
                            .toCompletableFuture()
                            .get(30, TimeUnit.MINUTES);
                    return report(result);
                } finally {
                    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
                }
            }
        }

        private static int report(AuditVerification result) {
            if (result.intact()) {
                System.out.printf(
                        "audit log intact: %d entries, head %s%n", result.entriesChecked(), result.headHash());
                return 0;
            }
            System.out.printf(
                    "audit log BROKEN at entry seq=%d: %s (%d entries before it verified)%n",
                    result.firstBrokenSeq(), result.problem(), result.entriesChecked());
            return 1;
        }
    }
}
