package org.civis.server.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The development issuer as the server on embedded defaults trusts it. */
class DevelopmentIssuerTest {
    @TempDir
    Path dataDir;

    @TempDir
    Path otherDataDir;

    private Vertx vertx;
    private OperatorAuthenticator.Running running;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        running = OperatorAuthenticator.start(
                        vertx,
                        OperatorSettings.development(),
                        () -> DevelopmentIssuer.openOrCreate(dataDir, Optional.empty()))
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        running.stop().run();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void tokenOfTheIssuerInTheServersDataDirectoryIsAccepted() throws Exception {
        String token = TestOperators.token(dataDir, "tester", Set.of(OperatorRole.PARTNER_ADMIN));

        TokenCheck check = check(token);

        assertThat(check)
                .isEqualTo(new TokenCheck.Accepted(
                        new Operator("tester", DevelopmentIssuer.ISSUER, Set.of(OperatorRole.PARTNER_ADMIN))));
    }

    @Test
    void tokenOfAnotherInstallationsDevelopmentIssuerIsRefused() throws Exception {
        String foreign = TestOperators.allRoles(otherDataDir);

        assertThat(check(foreign)).isEqualTo(new TokenCheck.Refused(TokenCheck.Reason.UNKNOWN_KEY));
    }

    private TokenCheck check(String token) throws Exception {
        return running.authenticator()
                .check(token)
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }
}
