package org.civis.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.civis.server.config.CivisConfig;
import org.civis.server.config.ConfigLoader;
import org.civis.server.operator.DevelopmentIssuer;
import org.civis.server.operator.Operator;
import org.civis.server.operator.OperatorAuthenticator;
import org.civis.server.operator.OperatorRole;
import org.civis.server.operator.TokenCheck;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code civis operator-token} against the development issuer the server trusts on embedded defaults. */
class OperatorTokenCommandTest {
    @TempDir
    Path temp;

    private Path dataDir;

    @BeforeEach
    void freshDataDirectory() {
        dataDir = temp.resolve("civis-data"); // not there yet: the command creates it, as serve would
    }

    @Test
    void printedTokenVerifiesAtTheServersAuthenticatorWithTheRolesAsked() throws Exception {
        CivisConfig config = config(Map.of());
        Run run = run(config, Clock.systemUTC(), "--role", "registrar", "adjudicator", "--subject", "amira");

        assertThat(run.exit()).isZero();
        TokenCheck check = checkAtServer(config, run.out().strip());
        assertThat(check).isInstanceOf(TokenCheck.Accepted.class);
        Operator operator = ((TokenCheck.Accepted) check).operator();
        assertThat(operator.subject()).isEqualTo("amira");
        assertThat(operator.issuer()).isEqualTo(DevelopmentIssuer.ISSUER);
        assertThat(operator.roles()).containsExactlyInAnyOrder(OperatorRole.REGISTRAR, OperatorRole.ADJUDICATOR);
    }

    @Test
    void rolesGoWhereTheConfiguredClaimReadsThem() throws Exception {
        CivisConfig config = config(Map.of("CIVIS_OPERATOR_ROLES_CLAIM", "roles"));
        Run run = run(config, Clock.systemUTC(), "--role", "auditor");

        TokenCheck check = checkAtServer(config, run.out().strip());

        assertThat(((TokenCheck.Accepted) check).operator().roles()).containsExactly(OperatorRole.AUDITOR);
    }

    @Test
    void tokenIsShortLived() throws Exception {
        CivisConfig config = config(Map.of());
        Clock anHourAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
        Run run = run(config, anHourAgo, "--role", "auditor", "--minutes", "30");

        assertThat(run.exit()).isZero();
        assertThat(checkAtServer(config, run.out().strip())).isInstanceOf(TokenCheck.Refused.class);
        assertThat(run(config, Clock.systemUTC(), "--role", "auditor", "--minutes", "481")
                        .exit())
                .isEqualTo(2);
    }

    @Test
    void issuerKeyIsCreatedOnceOwnerOnlyInAPrivateDataDirectory() throws Exception {
        CivisConfig config = config(Map.of());
        String first = run(config, Clock.systemUTC(), "--role", "auditor").out();
        Path file = dataDir.resolve(DevelopmentIssuer.FILE_NAME);
        byte[] created = Files.readAllBytes(file);

        run(config, Clock.systemUTC(), "--role", "auditor");

        assertThat(Files.readAllBytes(file)).isEqualTo(created);
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(dataDir))
                .containsExactlyInAnyOrder(
                        PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.OWNER_EXECUTE);
        assertThat(checkAtServer(config, first.strip())).isInstanceOf(TokenCheck.Accepted.class);
    }

    @Test
    void unknownRoleIsAUsageError() {
        Run run = run(config(Map.of()), Clock.systemUTC(), "--role", "root");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("unknown role 'root'");
    }

    @Test
    void refusedWhenARealIssuerIsConfigured() {
        CivisConfig config = config(Map.of(
                "CIVIS_OPERATOR_ISSUER", "https://login.example.org/realms/civis",
                "CIVIS_OPERATOR_JWKS_URL", "https://login.example.org/realms/civis/protocol/openid-connect/certs"));

        Run run = run(config, Clock.systemUTC(), "--role", "identity-admin");

        assertThat(run.exit()).isEqualTo(OperatorTokenCommand.REFUSED);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("development only", "CIVIS_OPERATOR_ISSUER");
        assertThat(dataDir.resolve(DevelopmentIssuer.FILE_NAME)).doesNotExist();
    }

    private CivisConfig config(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(extra);
        env.put("CIVIS_DATA_DIR", dataDir.toString());
        return ConfigLoader.load(env);
    }

    private record Run(int exit, String out, String err) {}

    private static Run run(CivisConfig config, Clock clock, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new OperatorTokenCommand(() -> config, clock));
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        int exit = command.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** Checks the token as a server on the same data directory and settings would. */
    private static TokenCheck checkAtServer(CivisConfig config, String token) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            OperatorAuthenticator.Running running = OperatorAuthenticator.start(
                            vertx,
                            config.operators(),
                            () -> DevelopmentIssuer.openOrCreate(config.dataDir(), config.keystorePassword()))
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            try {
                return running.authenticator()
                        .check(token)
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(10, TimeUnit.SECONDS);
            } finally {
                running.stop().run();
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
