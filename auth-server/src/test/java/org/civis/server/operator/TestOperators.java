package org.civis.server.operator;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Tokens for tests that call the admin API of a server on embedded defaults: signed by the
 * development issuer in the server's data directory, which the server trusts. For tests only; the
 * command line's {@code civis operator-token} does the same for people.
 */
public final class TestOperators {
    private TestOperators() {}

    /** An hour's token for {@code subject} holding every role, for tests about something else. */
    public static String allRoles(Path dataDir) {
        return token(dataDir, "test-operator", EnumSet.allOf(OperatorRole.class));
    }

    /** An hour's token for {@code subject} with exactly {@code roles}, for the default settings. */
    public static String token(Path dataDir, String subject, Set<OperatorRole> roles) {
        OperatorSettings defaults = OperatorSettings.development();
        return DevelopmentIssuer.openOrCreate(dataDir, Optional.empty())
                .issue(subject, roles, Duration.ofHours(1), defaults.audience(), defaults.rolesClaim(), Instant.now());
    }
}
