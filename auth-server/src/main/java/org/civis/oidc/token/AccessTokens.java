package org.civis.oidc.token;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.civis.auth.cluster.ClusterMaps;
import org.civis.auth.cluster.EntryMac;
import org.civis.auth.cluster.VertxFutures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opaque access tokens: 256 random bits, valid on every node for a few minutes, kept in the
 * cluster only as the SHA-256 digest of the token (a leaked map gives no usable token) beside the
 * sign-in they carry and, when the client proved a DPoP key, that key's thumbprint. Entries are
 * authenticated with a key outside the cluster, as resident sessions are: a member that writes an
 * entry has made no token. A grant revoked because its code was replayed takes every token issued
 * under it along: {@link #find} checks the grant as well as the token.
 */
public final class AccessTokens {
    private static final Logger LOG = LoggerFactory.getLogger(AccessTokens.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_CHARS = 43; // 32 bytes, base64url without padding

    // Read as Object: a value of another type, written by some other member, is refused, not a crash.
    private final IMap<String, Object> tokens;
    private final IMap<String, Object> revokedGrants;
    private final EntryMac mac;
    private final Duration lifetime;
    private final Clock clock;

    public AccessTokens(HazelcastInstance hazelcast, EntryMac mac, Duration lifetime, Clock clock) {
        this.tokens = hazelcast.getMap(ClusterMaps.OIDC_ACCESS_TOKENS);
        this.revokedGrants = hazelcast.getMap(ClusterMaps.OIDC_REVOKED_GRANTS);
        this.mac = mac;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** A token issued: what the token endpoint answers. */
    public record Issued(String token, Duration expiresIn, Optional<String> dpopThumbprint) {
        @Override
        public String toString() { // the token is a secret
            return "Issued[" + expiresIn + (dpopThumbprint.isPresent() ? ", DPoP" : ", Bearer") + "]";
        }
    }

    /** A token found: the sign-in it carries, and the DPoP key it is bound to, if any. */
    public record Held(SignedIn signedIn, Optional<String> dpopThumbprint) {}

    public Future<Issued> issue(SignedIn signedIn, Optional<String> dpopThumbprint) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String digest = digest(token);
        long expiresAt = clock.millis() + lifetime.toMillis();
        HeldToken held = HeldToken.of(signedIn, dpopThumbprint, expiresAt).tagged(tag(digest));
        return VertxFutures.of(tokens.setAsync(digest, held, lifetime.toMillis(), TimeUnit.MILLISECONDS))
                .map(new Issued(token, lifetime, dpopThumbprint));
    }

    /** The token's sign-in; empty if the token is unknown, expired, forged, or its grant was revoked. */
    public Future<Optional<Held>> find(String token) {
        if (token == null || token.length() != TOKEN_CHARS) {
            return Future.succeededFuture(Optional.empty());
        }
        String digest = digest(token);
        return VertxFutures.of(tokens.getAsync(digest)).compose(value -> {
            Optional<HeldToken> held = trusted(digest, value);
            if (held.isEmpty()) {
                return Future.succeededFuture(Optional.empty());
            }
            return VertxFutures.of(revokedGrants.getAsync(held.get().grantId()))
                    .map(revoked -> revoked != null
                            ? Optional.<Held>empty()
                            : Optional.of(
                                    new Held(held.get().signedIn(), held.get().thumbprint())));
        });
    }

    /**
     * Stops every token of {@code grantId}, issued or still to be issued: remembered for twice a
     * token's lifetime, so a token issued in a race with the revocation expires before the memory.
     */
    public Future<Void> revokeGrant(String grantId) {
        return VertxFutures.of(revokedGrants.setAsync(
                        grantId, Boolean.TRUE, lifetime.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS))
                .mapEmpty();
    }

    private Optional<HeldToken> trusted(String digest, Object value) {
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof HeldToken held) || !held.authentic(tag(digest))) {
            LOG.warn("an access token in the cluster failed authentication and was refused");
            return Optional.empty();
        }
        return clock.millis() < held.expiresAtMillis() ? Optional.of(held) : Optional.empty();
    }

    private EntryMac.Tag tag(String digest) {
        return mac.of(ClusterMaps.OIDC_ACCESS_TOKENS, digest);
    }

    static String digest(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
