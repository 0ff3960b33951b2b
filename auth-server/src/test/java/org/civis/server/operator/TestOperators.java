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

    /** The subject of {@link #allRoles} tokens, as the audit log then names it. */
    public static final String SUBJECT = "test-operator";

    /** An hour's token for {@value #SUBJECT} holding every role, for tests about something else. */
    public static String allRoles(Path dataDir) {
        return token(dataDir, SUBJECT, EnumSet.allOf(OperatorRole.class));
    }

    /** As {@link #allRoles(Path)}, for a server whose keystores are under {@code keystorePassword}. */
    public static String allRoles(Path dataDir, Optional<String> keystorePassword) {
        return token(dataDir, keystorePassword, SUBJECT, EnumSet.allOf(OperatorRole.class));
    }

    /** An hour's token for {@code subject} with exactly {@code roles}, for the default settings. */
    public static String token(Path dataDir, String subject, Set<OperatorRole> roles) {
        return token(dataDir, Optional.empty(), subject, roles);
    }

    /**
     * The authentication a server on embedded defaults puts in front of its admin routes, trusting
     * the development issuer of {@code dataDir}: for tests that build the admin router themselves.
     */
    public static OperatorAuthHandler developmentAuthentication(Path dataDir) {
        OperatorSettings defaults = OperatorSettings.development();
        return new OperatorAuthHandler(new OperatorAuthenticator(
                OperatorKeys.fixed(DevelopmentIssuer.openOrCreate(dataDir, Optional.empty())
                        .publicKeys()),
                DevelopmentIssuer.ISSUER,
                defaults.audience(),
                defaults.rolesClaim()));
    }

    /** The audit log's name for a development token's {@code subject}. */
    public static String actor(String subject) {
        return subject + " (" + DevelopmentIssuer.ISSUER + ")";
    }

    private static String token(
            Path dataDir, Optional<String> keystorePassword, String subject, Set<OperatorRole> roles) {
        OperatorSettings defaults = OperatorSettings.development();
        return DevelopmentIssuer.openOrCreate(dataDir, keystorePassword)
                .issue(subject, roles, Duration.ofHours(1), defaults.audience(), defaults.rolesClaim(), Instant.now());
    }
}
