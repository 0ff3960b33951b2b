package org.civis.server.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.civis.server.config.CivisConfig;
import org.civis.server.config.ConfigLoader;
import org.civis.server.operator.DevelopmentIssuer;
import org.civis.server.operator.OperatorRole;
import org.civis.server.operator.OperatorSettings;
import org.civis.server.platform.PrivateDataDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code civis operator-token}: a short-lived admin API token from the development issuer in the
 * data directory, so the walkthroughs run on embedded defaults. It refuses, with exit code {@value
 * #REFUSED}, when a real identity provider is configured: operators then get tokens from it.
 */
@Command(
        name = "operator-token",
        description = "DEVELOPMENT ONLY: print a short-lived admin API token for the local development issuer"
                + " (refused when CIVIS_OPERATOR_ISSUER is set). Use it as: Authorization: Bearer <token>.")
final class OperatorTokenCommand implements Callable<Integer> {
    /** Exit code when a real issuer is configured (2 is picocli's for a usage error). */
    static final int REFUSED = 3;

    @Option(
            names = "--role",
            required = true,
            arity = "1..*",
            converter = RoleConverter.class,
            description = "a role to grant (repeatable): registrar, adjudicator, identity-admin, partner-admin,"
                    + " issuer-admin, auditor")
    List<OperatorRole> roles;

    @Option(names = "--subject", defaultValue = "developer", description = "the operator (default ${DEFAULT-VALUE})")
    String subject;

    @Option(
            names = "--minutes",
            defaultValue = "15",
            description = "how long the token is valid, 1..480 minutes (default ${DEFAULT-VALUE})")
    int minutes;

    @Spec
    CommandSpec spec;

    private final Supplier<CivisConfig> config;
    private final Clock clock;

    OperatorTokenCommand() {
        this(ConfigLoader::fromEnvironment, Clock.systemUTC());
    }

    OperatorTokenCommand(Supplier<CivisConfig> config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CivisConfig settings = config.get();
        OperatorSettings operators = settings.operators();
        if (!operators.usesDevelopmentIssuer()) {
            err.println("operator-token is for development only and is refused: the admin API trusts the issuer"
                    + " configured in CIVIS_OPERATOR_ISSUER; get a token from that identity provider.");
            return REFUSED;
        }
        if (minutes < 1 || minutes > 480) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--minutes must be 1..480");
        }
        PrivateDataDir.prepare(settings.dataDir()); // as serve does, before a key is written into it
        DevelopmentIssuer issuer = DevelopmentIssuer.openOrCreate(settings.dataDir(), settings.keystorePassword());
        String token;
        try {
            token = issuer.issue(
                    subject,
                    EnumSet.copyOf(roles),
                    Duration.ofMinutes(minutes),
                    operators.audience(),
                    operators.rolesClaim(),
                    clock.instant());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        out.println(token);
        out.flush();
        return 0;
    }

    /** Reads the roles by their wire names, as the identity provider spells them. */
    static final class RoleConverter implements CommandLine.ITypeConverter<OperatorRole> {
        @Override
        public OperatorRole convert(String value) {
            return OperatorRole.byWireName(value)
                    .orElseThrow(
                            () -> new CommandLine.TypeConversionException(
                                    "unknown role '" + value
                                            + "'; one of registrar, adjudicator, identity-admin, partner-admin, issuer-admin, auditor"));
        }
    }
}
