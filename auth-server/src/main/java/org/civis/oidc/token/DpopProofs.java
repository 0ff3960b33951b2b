package org.civis.oidc.token;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.dpop.JWKThumbprintConfirmation;
import com.nimbusds.oauth2.sdk.dpop.verifiers.AccessTokenValidationException;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPIssuer;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPProtectedResourceRequestVerifier;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPTokenRequestVerifier;
import com.nimbusds.oauth2.sdk.dpop.verifiers.InvalidDPoPProofException;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import io.vertx.core.Future;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.civis.auth.cluster.ClusterMaps;
import org.civis.auth.cluster.RememberOnce;
import org.civis.auth.cluster.VertxFutures;
import org.civis.auth.keys.BcEd25519;
import org.civis.core.refusal.Result;
import org.civis.oidc.OAuthError;

/**
 * Checks DPoP proofs (RFC 9449 section 4.3): {@code typ dpop+jwt}, a public key in the header
 * that signed the proof, {@code htm} and {@code htu} naming this request, {@code iat} within a
 * minute, {@code ath} matching the access token when one is presented, and a {@code jti} no node
 * has seen from that key before (remembered in the cluster, not in one node's memory). Answers
 * the key's RFC 7638 thumbprint, which binds the access token.
 *
 * <p>ES256 and PS256 proofs go through Nimbus's DPoP verifiers. Those know only RSA and EC keys,
 * so EdDSA proofs are checked here with the same rules and Bouncy Castle's Ed25519 (the server
 * does not carry Tink, which Nimbus's own Ed25519 verifier needs).
 */
public final class DpopProofs {
    public static final Set<JWSAlgorithm> ALGORITHMS =
            Set.of(JWSAlgorithm.ES256, JWSAlgorithm.EdDSA, JWSAlgorithm.PS256);
    private static final Set<JWSAlgorithm> NIMBUS_ALGORITHMS = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.PS256);
    private static final JOSEObjectType DPOP_JWT = new JOSEObjectType("dpop+jwt");
    private static final Duration WINDOW = Duration.ofSeconds(60);
    // Nimbus asks whose proofs these are (for its own replay memory, which is not used here).
    private static final DPoPIssuer ANY_CLIENT = new DPoPIssuer("civis-oidc");

    private final IMap<String, Object> seen;
    private final Clock clock;

    public DpopProofs(HazelcastInstance hazelcast, Clock clock) {
        this.seen = hazelcast.getMap(ClusterMaps.REPLAY);
        this.clock = clock;
    }

    /**
     * @param httpUri the request's URL without query and fragment
     * @param accessToken the DPoP access token the request presents (userinfo), empty at the token endpoint
     * @return the proof key's thumbprint (base64url), or {@link OAuthError#INVALID_DPOP_PROOF} saying why
     */
    public Future<Result<String>> check(String proofJwt, String httpMethod, URI httpUri, Optional<String> accessToken) {
        SignedJWT proof;
        JWTClaimsSet claims;
        try {
            proof = SignedJWT.parse(proofJwt);
            claims = proof.getJWTClaimsSet();
        } catch (ParseException | RuntimeException e) {
            return refuse("the DPoP proof is not a signed JWT");
        }
        JWK key = proof.getHeader().getJWK();
        if (!ALGORITHMS.contains(proof.getHeader().getAlgorithm()) || key == null || key.isPrivate()) {
            return refuse(
                    "the DPoP proof must be signed with ES256, EdDSA or PS256 under the public key in its jwk header");
        }
        Optional<String> problem = JWSAlgorithm.EdDSA.equals(proof.getHeader().getAlgorithm())
                ? checkEd25519(proof, claims, httpMethod, httpUri, accessToken)
                : checkWithNimbus(proof, httpMethod, httpUri, accessToken);
        if (problem.isEmpty()) {
            problem = checkTime(claims);
        }
        if (problem.isPresent()) {
            return refuse(problem.get());
        }
        String thumbprint;
        try {
            thumbprint = key.computeThumbprint().toString();
        } catch (JOSEException e) {
            return refuse("the DPoP proof key has no thumbprint");
        }
        return firstUse(thumbprint, claims.getJWTID())
                .map(first -> first
                        ? Result.accepted(thumbprint)
                        : Result.refused(OAuthError.INVALID_DPOP_PROOF, "the DPoP proof jti was already used"));
    }

    private static Optional<String> checkWithNimbus(
            SignedJWT proof, String httpMethod, URI httpUri, Optional<String> accessToken) {
        try {
            if (accessToken.isPresent()) {
                // The binding is the caller's to compare with the token's; here the proof's own key stands in.
                JWKThumbprintConfirmation own =
                        JWKThumbprintConfirmation.of(proof.getHeader().getJWK());
                new DPoPProtectedResourceRequestVerifier(NIMBUS_ALGORITHMS, WINDOW.toSeconds(), null)
                        .verify(httpMethod, httpUri, ANY_CLIENT, proof, new DPoPAccessToken(accessToken.get()), own);
            } else if ("POST".equals(httpMethod)) {
                new DPoPTokenRequestVerifier(NIMBUS_ALGORITHMS, httpUri, WINDOW.toSeconds(), null)
                        .verify(ANY_CLIENT, proof);
            } else {
                return Optional.of("a DPoP proof without an access token is taken only at the token endpoint");
            }
            return Optional.empty();
        } catch (InvalidDPoPProofException | AccessTokenValidationException e) {
            return Optional.of("the DPoP proof is invalid: " + e.getMessage());
        } catch (JOSEException e) {
            return Optional.of("the DPoP proof could not be verified");
        }
    }

    /** The same rules as Nimbus's verifiers, for the key type they do not know. */
    private static Optional<String> checkEd25519(
            SignedJWT proof, JWTClaimsSet claims, String httpMethod, URI httpUri, Optional<String> accessToken) {
        if (!DPOP_JWT.equals(proof.getHeader().getType())) {
            return Optional.of("the DPoP proof typ must be dpop+jwt");
        }
        if (!(proof.getHeader().getJWK() instanceof OctetKeyPair okp) || !Curve.Ed25519.equals(okp.getCurve())) {
            return Optional.of("an EdDSA DPoP proof must carry an Ed25519 key");
        }
        try {
            if (!proof.verify(BcEd25519.verifier(okp))) {
                return Optional.of("the DPoP proof signature does not verify");
            }
            if (!httpMethod.equals(claims.getStringClaim("htm"))
                    || claims.getStringClaim("htu") == null
                    || !sameTarget(URI.create(claims.getStringClaim("htu")), httpUri)) {
                return Optional.of("the DPoP proof htm and htu must name this request");
            }
            if (accessToken.isPresent() && !hash(accessToken.get()).equals(claims.getStringClaim("ath"))) {
                return Optional.of("the DPoP proof ath does not match the access token");
            }
        } catch (JOSEException | ParseException | IllegalArgumentException e) {
            return Optional.of("the DPoP proof is malformed");
        }
        return Optional.empty();
    }

    private Optional<String> checkTime(JWTClaimsSet claims) {
        if (claims.getIssueTime() == null || claims.getJWTID() == null) {
            return Optional.of("the DPoP proof must carry iat and jti");
        }
        Instant issued = claims.getIssueTime().toInstant();
        Instant now = clock.instant();
        if (issued.isBefore(now.minus(WINDOW)) || issued.isAfter(now.plus(WINDOW))) {
            return Optional.of("the DPoP proof iat is more than 60 s from the server's time");
        }
        return Optional.empty();
    }

    /** RFC 9449 section 4.3: htu compared without query and fragment. */
    private static boolean sameTarget(URI htu, URI request) {
        return htu.getScheme() != null
                && htu.getScheme().equalsIgnoreCase(request.getScheme())
                && htu.getRawAuthority() != null
                && htu.getRawAuthority().equalsIgnoreCase(request.getRawAuthority())
                && java.util.Objects.equals(htu.getRawPath(), request.getRawPath());
    }

    private static String hash(String accessToken) {
        try {
            return Base64URL.encode(MessageDigest.getInstance("SHA-256")
                            .digest(accessToken.getBytes(StandardCharsets.US_ASCII)))
                    .toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Remembered for as long as the proof could pass the time check: the window on each side of now. */
    private Future<Boolean> firstUse(String thumbprint, String jti) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String caller = Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
        return VertxFutures.of(seen.submitToKey(
                "dpop|" + thumbprint + "|" + jti,
                new RememberOnce(WINDOW.multipliedBy(2).toMillis(), caller)));
    }

    private static <T> Future<Result<T>> refuse(String message) {
        return Result.refuseNow(OAuthError.INVALID_DPOP_PROOF, message);
    }
}
