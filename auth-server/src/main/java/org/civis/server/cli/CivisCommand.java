package org.civis.server.cli;

import org.civis.verifier.cli.VerifyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code civis}: the entry point of the launcher script. */
@Command(
        name = "civis",
        mixinStandardHelpOptions = true,
        version = "civis 0.1.0",
        description = "Civis foundational identity platform.",
        subcommands = {
            ServeCommand.class,
            AuditCommand.class,
            SeedCommand.class,
            CardCommand.class,
            VerifierBundleCommand.class,
            OperatorTokenCommand.class,
            VerifyCommand.class
        })
public final class CivisCommand implements Runnable {

    public static void main(String[] args) {
        Logging.routeJulToSlf4j();
        System.exit(new CommandLine(new CivisCommand()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
