package org.civis.server.operator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.text.ParseException;
import java.util.Set;
import java.util.function.Supplier;
import org.civis.server.operator.TokenCheck.Accepted;
import org.civis.server.operator.TokenCheck.KeysUnavailable;
import org.civis.server.operator.TokenCheck.Reason;
import org.civis.server.operator.TokenCheck.Refused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks operator bearer tokens: RFC 9068 access tokens or OpenID Connect ID tokens, signed by the
 * configured issuer with RS256, PS256 or ES256, for the configured audience, within their validity
 * (a minute of clock skew either way). Nimbus's {@link DefaultJWTProcessor} does the checking; this
 * class adds what it cannot do synchronously: fetching the IdP's keys again when a token names one
 * not held. A bad token is a {@link Refused} value, never an exception.
 *
 * <p>EdDSA is not allowed: Nimbus's key selector cannot hand an Ed25519 JWK to a verifier, and
 * neither Keycloak nor Entra signs with it by default. Verifying costs one RSA or ECDSA signature
 * check, done on the calling event loop as the partner API does for signed requests. Thread-safe.
 */
public final class OperatorAuthenticator {
    /** Never none, never HMAC (an HMAC "signed" with the IdP's public key must not verify). */
    static final Set<JWSAlgorithm> ALLOWED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.ES256);

    static final int MAX_CLOCK_SKEW_SECONDS = 60;
    /** Entra tokens with many groups run to a few kilobytes; anything far beyond is not a token. */
    static final int MAX_TOKEN_CHARS = 16 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(OperatorAuthenticator.class);

    private final OperatorKeys keys;
    private final RolesClaim rolesClaim;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    OperatorAuthenticator(OperatorKeys keys, String issuer, String audience, RolesClaim rolesClaim) {
        this.keys = keys;
        this.rolesClaim = rolesClaim;
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(
                JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), new JOSEObjectType("application/at+jwt"), null));
        processor.setJWSKeySelector(
                new JWSVerificationKeySelector<>(ALLOWED, (selector, context) -> selector.select(keys.current())));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                audience, new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp", "iss"));
        claims.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
        processor.setJWTClaimsSetVerifier(claims);
    }

    /**
     * The authenticator for {@code settings}: the IdP's JWKS, fetched now and kept fresh (the future
     * completes once the first fetch has ended, well or not), or the development issuer's key
     * ({@code development} is asked only when no IdP is configured, so no key file appears otherwise).
     */
    public static Future<Running> start(
            Vertx vertx, OperatorSettings settings, Supplier<DevelopmentIssuer> development) {
        if (settings.usesDevelopmentIssuer()) {
            LOG.warn("operators authenticate with the development issuer in the data directory (civis operator-token):"
                    + " development only; set CIVIS_OPERATOR_ISSUER and CIVIS_OPERATOR_JWKS_URL for a real deployment");
            return Future.succeededFuture(new Running(
                    new OperatorAuthenticator(
                            OperatorKeys.fixed(development.get().publicKeys()),
                            DevelopmentIssuer.ISSUER,
                            settings.audience(),
                            settings.rolesClaim()),
                    () -> {}));
        }
        RemoteJwks jwks = new RemoteJwks(vertx, settings.jwksUrl().orElseThrow(), RemoteJwks.DEFAULT_MIN_INTERVAL);
        OperatorAuthenticator authenticator = new OperatorAuthenticator(
                jwks, settings.issuer().orElseThrow(), settings.audience(), settings.rolesClaim());
        return jwks.start(settings.jwksRefresh()).map(first -> new Running(authenticator, jwks::stop));
    }

    /** A started authenticator and how to stop its background refresh. */
    public record Running(OperatorAuthenticator authenticator, Runnable stop) {}

    /** Checks {@code token} (the bearer credential, without the scheme). Never fails. */
    public Future<TokenCheck> check(String token) {
        SignedJWT jwt;
        try {
            if (token.length() > MAX_TOKEN_CHARS) {
                return refused(Reason.MALFORMED);
            }
            jwt = SignedJWT.parse(token);
        } catch (ParseException | RuntimeException e) {
            return refused(Reason.MALFORMED);
        }
        JWSHeader header = jwt.getHeader();
        if (!ALLOWED.contains(header.getAlgorithm())) {
            return refused(Reason.ALGORITHM_OR_TYPE); // before any fetch: no reason to ask the IdP
        }
        if (holdsKeyFor(header)) {
            return Future.succeededFuture(verify(jwt));
        }
        return keys.refresh().map(refresh -> {
            if (holdsKeyFor(header)) {
                return verify(jwt);
            }
            return refresh == KeyRefresh.UNAVAILABLE ? new KeysUnavailable() : new Refused(Reason.UNKNOWN_KEY);
        });
    }

    private boolean holdsKeyFor(JWSHeader header) {
        return !new JWKSelector(JWKMatcher.forJWSHeader(header))
                .select(keys.current())
                .isEmpty();
    }

    private TokenCheck verify(SignedJWT jwt) {
        try {
            JWTClaimsSet claims = processor.process(jwt, null);
            return new Accepted(new Operator(claims.getSubject(), claims.getIssuer(), rolesClaim.read(claims)));
        } catch (BadJWTException e) {
            return new Refused(Reason.CLAIMS);
        } catch (BadJWSException e) {
            return new Refused(Reason.SIGNATURE);
        } catch (BadJOSEException e) {
            return new Refused(Reason.ALGORITHM_OR_TYPE);
        } catch (JOSEException e) {
            // A key the verifier cannot use (wrong curve, too short): nothing the client can fix either.
            return new Refused(Reason.UNKNOWN_KEY);
        } catch (IllegalArgumentException e) {
            return new Refused(Reason.CLAIMS); // a subject or issuer the Operator record refuses
        }
    }

    private static Future<TokenCheck> refused(Reason reason) {
        return Future.succeededFuture(new Refused(reason));
    }
}
