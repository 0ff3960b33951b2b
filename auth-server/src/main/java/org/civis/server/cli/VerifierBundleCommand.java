package org.civis.server.cli;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.civis.issuer.bundle.VerifierBundle;
import org.civis.issuer.status.SignedStatusListToken;
import org.civis.server.config.CivisConfig;
import org.civis.server.config.ConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code civis verifier-bundle --out FILE}: the issuer's keys, certificates and freshly signed status
 * lists in one JSON file for offline verifier devices, whether or not the server is running.
 */
@Command(
        name = "verifier-bundle",
        description = "Write the verifier bundle: issuer keys (a JWKS), certificates and signed status lists,"
                + " for offline verifiers.")
final class VerifierBundleCommand implements Callable<Integer> {
    private final Supplier<CivisConfig> config;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the JSON.")
    Path out;

    VerifierBundleCommand() {
        this(ConfigLoader::fromEnvironment);
    }

    VerifierBundleCommand(Supplier<CivisConfig> config) {
        this.config = config;
    }

    @Override
    public Integer call() throws Exception {
        try (OfflineNode node = OfflineNode.open(config.get())) {
            List<SignedStatusListToken> lists =
                    node.await(node.issuance.statusLists().all());
            JsonObject bundle = VerifierBundle.of(node.issuance.keys().ring(), lists, Instant.now());
            Files.writeString(out, bundle.encodePrettily(), StandardCharsets.UTF_8);
            System.out.printf(
                    "verifier bundle: %d keys (signing: %s), %d status lists, to %s%n",
                    bundle.getJsonArray("keys").size(),
                    node.issuance.keys().ring().current().kid(),
                    lists.size(),
                    out);
            return 0;
        }
    }
}
