package org.civis.auth.resident;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.civis.auth.cluster.ClusterMaps;
import org.civis.auth.cluster.VertxFutures;
import org.civis.core.id.Uin;

/**
 * Resident sessions: a random 256-bit bearer token, kept in the cluster only as its SHA-256 digest
 * (a leaked cache gives no usable token), valid on every node until it expires.
 */
public final class ResidentSessions {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final IMap<String, String> sessions;
    private final Duration lifetime;

    public ResidentSessions(HazelcastInstance hazelcast, Duration lifetime) {
        this.sessions = hazelcast.getMap(ClusterMaps.RESIDENT_SESSIONS);
        this.lifetime = lifetime;
    }

    public Duration lifetime() {
        return lifetime;
    }

    public Future<String> open(Uin uin) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return VertxFutures.of(
                        sessions.setAsync(digest(token), uin.value(), lifetime.toMillis(), TimeUnit.MILLISECONDS))
                .map(token);
    }

    public Future<Optional<Uin>> find(String token) {
        if (token == null || token.length() != 43) {
            return Future.succeededFuture(Optional.empty());
        }
        return VertxFutures.of(sessions.getAsync(digest(token)))
                .map(uin -> Optional.ofNullable(uin).map(Uin::new));
    }

    private static String digest(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
