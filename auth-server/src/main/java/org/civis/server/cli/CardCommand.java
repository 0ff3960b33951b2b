package org.civis.server.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.civis.auth.credential.CredentialService;
import org.civis.core.id.Uin;
import org.civis.core.refusal.Refusal;
import org.civis.core.refusal.Result;
import org.civis.server.config.CivisConfig;
import org.civis.server.config.ConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code civis card UIN --out card.png}: the printable card of an identity, reusing its current
 * credential (a reprint) or issuing one, whether or not the server is running.
 */
@Command(
        name = "card",
        description = "Write an identity's ID card (PNG, CR80 at 300 dpi) with its signed QR credential;"
                + " reuses the current credential or issues one.")
final class CardCommand implements Callable<Integer> {
    private final Supplier<CivisConfig> config;

    @Parameters(index = "0", paramLabel = "UIN", description = "The identity's UIN.")
    String uin;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the PNG.")
    Path out;

    @Option(names = "--operator", defaultValue = "cli", description = "Who prints, for the audit log (default: cli).")
    String operator;

    CardCommand() {
        this(ConfigLoader::fromEnvironment);
    }

    CardCommand(Supplier<CivisConfig> config) {
        this.config = config;
    }

    @Override
    public Integer call() throws Exception {
        if (!Uin.isWellFormed(uin)) {
            System.err.println("UIN_INVALID: not a well-formed UIN");
            return 2;
        }
        try (OfflineNode node = OfflineNode.open(config.get())) {
            Result<CredentialService.CardImage> answer =
                    node.await(node.issuance.credentials().card(new Uin(uin), operator));
            if (answer instanceof Result.Refused<CredentialService.CardImage> refused) {
                return refused(refused.refusal());
            }
            CredentialService.CardImage card = answer.orElseThrow();
            Files.write(out, card.png());
            var credential = card.card().credential();
            System.out.printf(
                    "%s card of %s: credential %s, kid %s, QR version %d (%d Base45 chars), photo %s; %d bytes to %s%n",
                    card.card().reused() ? "reprinted" : "new",
                    card.card().record().uin(),
                    card.card().record().credentialId(),
                    credential.kid(),
                    credential.sizes().qrVersion(),
                    credential.sizes().base45Chars(),
                    credential.photo().status(),
                    card.png().length,
                    out);
            return 0;
        } catch (ExecutionException e) {
            // Broken, not refused: reported as the failure itself.
            Throwable cause = e.getCause();
            throw cause instanceof Exception exception ? exception : new IllegalStateException(cause);
        }
    }

    /** A refusal the operator can act on, by its stable code. */
    static int refused(Refusal refusal) {
        System.err.println(refusal.code().name() + ": " + refusal.message());
        return 1;
    }
}
