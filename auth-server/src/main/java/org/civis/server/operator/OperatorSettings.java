package org.civis.server.operator;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How operators authenticate. With an issuer and its JWKS URL, tokens come from that identity
 * provider; without, from the development issuer in the data directory ({@link #development()}).
 *
 * @param issuer the {@code iss} every token must carry, exactly as the IdP writes it
 * @param jwksUrl where the IdP publishes its signing keys; https, except on a loopback address
 * @param audience the {@code aud} every token must contain
 * @param rolesClaim where tokens carry roles
 * @param jwksRefresh how often the keys are fetched again in the background
 */
public record OperatorSettings(
        Optional<String> issuer, Optional<URI> jwksUrl, String audience, RolesClaim rolesClaim, Duration jwksRefresh) {
    public static final String DEFAULT_AUDIENCE = "civis-admin";
    public static final Duration DEFAULT_JWKS_REFRESH = Duration.ofMinutes(10);

    public OperatorSettings {
        issuer = issuer.filter(value -> !value.isBlank());
        Objects.requireNonNull(jwksUrl, "jwksUrl");
        Objects.requireNonNull(rolesClaim, "rolesClaim");
        if (issuer.isPresent() != jwksUrl.isPresent()) {
            throw new IllegalArgumentException(
                    "CIVIS_OPERATOR_ISSUER and CIVIS_OPERATOR_JWKS_URL must be set together");
        }
        jwksUrl.ifPresent(OperatorSettings::requireTrustworthy);
        if (audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("CIVIS_OPERATOR_AUDIENCE must not be blank");
        }
        if (jwksRefresh.isNegative() || jwksRefresh.isZero()) {
            throw new IllegalArgumentException("the JWKS refresh interval must be positive");
        }
    }

    /** The development issuer, the audience {@value #DEFAULT_AUDIENCE} and Keycloak's roles claim. */
    public static OperatorSettings development() {
        return new OperatorSettings(
                Optional.empty(),
                Optional.empty(),
                DEFAULT_AUDIENCE,
                RolesClaim.KEYCLOAK_REALM_ROLES,
                DEFAULT_JWKS_REFRESH);
    }

    /** True when no identity provider is configured: the development issuer signs the tokens. */
    public boolean usesDevelopmentIssuer() {
        return issuer.isEmpty();
    }

    /**
     * Whoever can change the keys in transit can mint operator tokens, so the keys travel over TLS;
     * plain http is allowed only to this machine (an IdP beside the server, or a test).
     */
    private static void requireTrustworthy(URI url) {
        String scheme = url.getScheme();
        if (url.getHost() == null || !"https".equals(scheme) && !"http".equals(scheme)) {
            throw new IllegalArgumentException("CIVIS_OPERATOR_JWKS_URL must be an absolute https URL");
        }
        if ("http".equals(scheme) && !isLoopback(url.getHost())) {
            throw new IllegalArgumentException("CIVIS_OPERATOR_JWKS_URL must use https (http only on loopback)");
        }
    }

    private static boolean isLoopback(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (!literal.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false; // a name: resolving it here would trust DNS, which is what TLS is for
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
