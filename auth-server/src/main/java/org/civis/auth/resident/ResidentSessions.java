package org.civis.auth.resident;

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
import org.civis.core.id.Uin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resident sessions: a random 256-bit bearer token, kept in the cluster only as its SHA-256 digest
 * (a leaked cache gives no usable token), valid on every node until it expires. The entry is
 * authenticated with a key outside the cluster: a member that writes a digest and a UIN into the
 * map, or stretches a session's expiry, has made no session ({@link EntryMac}).
 */
public final class ResidentSessions {
    private static final Logger LOG = LoggerFactory.getLogger(ResidentSessions.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    // Read as Object: a value of another type, written by some other member, is refused, not a crash.
    private final IMap<String, Object> sessions;
    private final Duration lifetime;
    private final EntryMac mac;
    private final Clock clock;

    public ResidentSessions(HazelcastInstance hazelcast, Duration lifetime, EntryMac mac, Clock clock) {
        this.sessions = hazelcast.getMap(ClusterMaps.RESIDENT_SESSIONS);
        this.lifetime = lifetime;
        this.mac = mac;
        this.clock = clock;
    }

    public Duration lifetime() {
        return lifetime;
    }

    public Future<String> open(Uin uin) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String digest = digest(token);
        long expiresAt = clock.millis() + lifetime.toMillis();
        ResidentSession session = new ResidentSession(
                uin.value(), expiresAt, tag(digest, uin.value(), expiresAt).tag());
        return VertxFutures.of(sessions.setAsync(digest, session, lifetime.toMillis(), TimeUnit.MILLISECONDS))
                .map(token);
    }

    public Future<Optional<Uin>> find(String token) {
        if (token == null || token.length() != 43) {
            return Future.succeededFuture(Optional.empty());
        }
        String digest = digest(token);
        return VertxFutures.of(sessions.getAsync(digest)).map(session -> trusted(digest, session));
    }

    private Optional<Uin> trusted(String digest, Object value) {
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof ResidentSession session)
                || !tag(digest, session.uin(), session.expiresAtMillis()).matches(session.tag())) {
            LOG.warn("a resident session in the cluster failed authentication and was refused");
            return Optional.empty();
        }
        return clock.millis() < session.expiresAtMillis() ? Optional.of(new Uin(session.uin())) : Optional.empty();
    }

    private EntryMac.Tag tag(String digest, String uin, long expiresAtMillis) {
        return mac.of(ClusterMaps.RESIDENT_SESSIONS, digest).add(uin).add(expiresAtMillis);
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
