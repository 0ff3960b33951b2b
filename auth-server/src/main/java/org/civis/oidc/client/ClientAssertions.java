package org.civis.oidc.client;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.crypto.bc.BouncyCastleProviderSingleton;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.auth.JWTAuthentication;
import com.nimbusds.oauth2.sdk.auth.JWTAuthenticationClaimsSet;
import com.nimbusds.oauth2.sdk.id.Audience;
import io.vertx.core.Future;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.civis.auth.cluster.ClusterMaps;
import org.civis.auth.cluster.RememberOnce;
import org.civis.auth.cluster.VertxFutures;
import org.civis.auth.keys.BcEd25519;
import org.civis.core.refusal.Result;
import org.civis.oidc.OAuthError;

/**
 * Authenticates a client at the token and PAR endpoints by {@code private_key_jwt} (RFC 7523
 * section 2.2, OpenID Connect Core 9), and by nothing else: no client secret, no {@code none}, no
 * HMAC, no unsigned assertion. The assertion must be signed by one of the partner's registered
 * signing keys (EdDSA, ES256, PS256), name the client as {@code iss} and {@code sub}, be meant
 * for the issuer or the endpoint, expire within five minutes, and carry a {@code jti} never seen
 * before by any node. The {@code jti} is remembered only after the signature verified, so nobody
 * but the client can use up its ids.
 *
 * <p>The assertion is read with Nimbus's {@link JWTAuthenticationClaimsSet}; Nimbus's
 * {@code PrivateKeyJWT} parser is not used, because it refuses EdDSA, the partners' usual key.
 * Every refusal is {@link OAuthError#INVALID_CLIENT} with a message naming the rule broken.
 */
public final class ClientAssertions {
    /** The longest an assertion may live; RFC 7523 leaves it to the server. */
    public static final Duration MAX_LIFETIME = Duration.ofMinutes(5);
    // Clocks of client and server disagree a little: an exp this far past MAX_LIFETIME still passes.
    private static final Duration SKEW = Duration.ofSeconds(10);
    private static final Set<JWSAlgorithm> ALGORITHMS =
            Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.ES256, JWSAlgorithm.PS256);

    private final IMap<String, Object> seen;
    private final URI issuer;
    private final Clock clock;

    public ClientAssertions(HazelcastInstance hazelcast, URI issuer, Clock clock) {
        this.seen = hazelcast.getMap(ClusterMaps.REPLAY);
        this.issuer = issuer;
        this.clock = clock;
    }

    /**
     * @param form the request's form parameters
     * @param endpoint the URL the request was sent to, accepted as audience beside the issuer
     * @param clients the OpenID client by id: empty when there is no such active partner or its policy does not allow OIDC
     */
    public Future<Result<OidcClient>> verify(
            Map<String, List<String>> form, URI endpoint, Function<String, Future<Optional<OidcClient>>> clients) {
        if (form.containsKey("client_secret")) {
            return refuse("client secrets are not accepted; authenticate with private_key_jwt");
        }
        Optional<String> type = single(form, "client_assertion_type");
        Optional<String> assertion = single(form, "client_assertion");
        if (type.isEmpty() || assertion.isEmpty()) {
            return refuse("client authentication by private_key_jwt is required (one client_assertion and its type)");
        }
        if (!JWTAuthentication.CLIENT_ASSERTION_TYPE.equals(type.get())) {
            return refuse("client_assertion_type must be " + JWTAuthentication.CLIENT_ASSERTION_TYPE);
        }
        SignedJWT jwt;
        JWTAuthenticationClaimsSet claims;
        try {
            jwt = SignedJWT.parse(assertion.get());
            claims = JWTAuthenticationClaimsSet.parse(jwt.getJWTClaimsSet());
        } catch (java.text.ParseException e) {
            return refuse("client_assertion is not a signed JWT (unsigned, alg none, is refused)");
        } catch (ParseException e) {
            return refuse("client_assertion lacks iss, sub, aud or exp");
        }
        JWSHeader header = jwt.getHeader();
        if (!ALGORITHMS.contains(header.getAlgorithm())) {
            return refuse("client_assertion alg must be EdDSA, ES256 or PS256");
        }
        if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
            return refuse("client_assertion must not have critical header parameters");
        }
        String clientId = claims.getSubject().getValue();
        if (!claims.getIssuer().getValue().equals(clientId)) {
            return refuse("client_assertion iss and sub must both be the client_id");
        }
        Optional<String> formClientId = single(form, "client_id");
        if (form.containsKey("client_id") && !formClientId.equals(Optional.of(clientId))) {
            return refuse("client_id does not match the client_assertion's sub");
        }
        Optional<String> problem = timeAndAudience(claims, endpoint);
        if (problem.isPresent()) {
            return refuse(problem.get());
        }
        if (claims.getJWTID() == null) {
            return refuse("client_assertion must carry a jti");
        }
        return clients.apply(clientId).compose(client -> {
            if (client.isEmpty()) {
                return refuse("the client is unknown or may not use OpenID Connect");
            }
            if (!signedByClient(jwt, client.get())) {
                return refuse("client_assertion is not signed by a registered signing key of the client");
            }
            return firstUse(
                            clientId,
                            claims.getJWTID().getValue(),
                            claims.getExpirationTime().toInstant())
                    .map(first -> first
                            ? Result.accepted(client.get())
                            : Result.refused(OAuthError.INVALID_CLIENT, "client_assertion jti was already used"));
        });
    }

    private Optional<String> timeAndAudience(JWTAuthenticationClaimsSet claims, URI endpoint) {
        Instant now = clock.instant();
        Instant expires = claims.getExpirationTime().toInstant();
        if (!expires.isAfter(now)) {
            return Optional.of("client_assertion has expired");
        }
        if (expires.isAfter(now.plus(MAX_LIFETIME).plus(SKEW))) {
            return Optional.of("client_assertion exp must be at most 5 minutes ahead");
        }
        if (claims.getNotBeforeTime() != null
                && claims.getNotBeforeTime().toInstant().isAfter(now.plus(SKEW))) {
            return Optional.of("client_assertion is not valid yet (nbf)");
        }
        List<String> audiences =
                claims.getAudience().stream().map(Audience::getValue).toList();
        if (!audiences.contains(issuer.toString()) && !audiences.contains(endpoint.toString())) {
            return Optional.of("client_assertion aud must be the issuer or the endpoint URL");
        }
        return Optional.empty();
    }

    private static boolean signedByClient(SignedJWT jwt, OidcClient client) {
        JWSHeader header = jwt.getHeader();
        String kid = header.getKeyID();
        for (JWK key : client.signingKeys()) {
            if ((kid == null || kid.equals(key.getKeyID())) && fits(header.getAlgorithm(), key)) {
                try {
                    if (jwt.verify(verifier(key))) {
                        return true;
                    }
                } catch (JOSEException e) {
                    // An unusable key or a malformed signature: this key did not sign it.
                }
            }
        }
        return false;
    }

    private static boolean fits(JWSAlgorithm alg, JWK key) {
        if (JWSAlgorithm.EdDSA.equals(alg)) {
            return key instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve());
        }
        if (JWSAlgorithm.ES256.equals(alg)) {
            return key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve());
        }
        return JWSAlgorithm.PS256.equals(alg) && key instanceof RSAKey rsa && rsa.size() >= 2048;
    }

    private static JWSVerifier verifier(JWK key) throws JOSEException {
        if (key instanceof OctetKeyPair okp) {
            return BcEd25519.verifier(okp.toPublicJWK());
        }
        if (key instanceof ECKey ec) {
            ECDSAVerifier verifier = new ECDSAVerifier(ec.toPublicJWK());
            // As on the auth path: Bouncy Castle's P-256 verify is several times faster than the JDK's.
            verifier.getJCAContext().setProvider(BouncyCastleProviderSingleton.getInstance());
            return verifier;
        }
        return new RSASSAVerifier(((RSAKey) key).toPublicJWK());
    }

    /** Remembered cluster-wide until the assertion could no longer pass the time check anyway. */
    private Future<Boolean> firstUse(String clientId, String jti, Instant expires) {
        long forMillis = Math.max(
                1, Duration.between(clock.instant(), expires.plus(SKEW)).toMillis());
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String caller = Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
        return VertxFutures.of(
                seen.submitToKey("oidc-client-jti|" + clientId + "|" + jti, new RememberOnce(forMillis, caller)));
    }

    private static Optional<String> single(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values != null && values.size() == 1 ? Optional.of(values.get(0)) : Optional.empty();
    }

    private static <T> Future<Result<T>> refuse(String message) {
        return Result.refuseNow(OAuthError.INVALID_CLIENT, message);
    }
}
