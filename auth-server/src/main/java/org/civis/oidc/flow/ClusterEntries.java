package org.civis.oidc.flow;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
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
import org.civis.auth.cluster.EntryMac;
import org.civis.auth.cluster.VertxFutures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One cluster map of sign-in state (sign-ins, pushed requests, codes), keyed by the SHA-256 digest
 * of a random secret so the cluster never holds a usable handle or code, each value authenticated
 * with {@link EntryMac}. A value that fails its tag, has expired, or was spent is not there.
 */
final class ClusterEntries {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterEntries.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What spending found: the fresh value, or that it had been spent before (with that value). */
    record Spending(Optional<JsonObject> fresh, Optional<JsonObject> spentBefore) {}

    private final String name;
    private final IMap<String, Object> map;
    private final EntryMac mac;
    private final Clock clock;

    ClusterEntries(HazelcastInstance hazelcast, String name, EntryMac mac, Clock clock) {
        this.name = name;
        this.map = hazelcast.getMap(name);
        this.mac = mac;
        this.clock = clock;
    }

    /** A fresh 256-bit secret, base64url: a handle, a code, a request URI's tail. */
    static String newSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    static String digest(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    Future<Void> put(String secret, JsonObject value, Duration lifetime) {
        String key = digest(secret);
        String json = value.encode();
        long expiresAt = clock.millis() + lifetime.toMillis();
        FlowEntry entry =
                new FlowEntry(json, expiresAt, false, tag(key, json, expiresAt).tag());
        return VertxFutures.of(map.setAsync(key, entry, lifetime.toMillis(), TimeUnit.MILLISECONDS))
                .mapEmpty();
    }

    /** Replaces the value, keeping the expiry it had. */
    Future<Void> update(String secret, JsonObject value, long expiresAtMillis) {
        long left = expiresAtMillis - clock.millis();
        if (left <= 0) {
            return Future.succeededFuture();
        }
        String key = digest(secret);
        String json = value.encode();
        FlowEntry entry = new FlowEntry(
                json, expiresAtMillis, false, tag(key, json, expiresAtMillis).tag());
        return VertxFutures.of(map.setAsync(key, entry, left, TimeUnit.MILLISECONDS))
                .mapEmpty();
    }

    Future<Optional<Held>> find(String secret) {
        String key = digest(secret);
        return VertxFutures.of(map.getAsync(key))
                .map(value -> trusted(key, value).filter(held -> !held.spent()));
    }

    /** Removes and answers the value: only one caller cluster-wide gets it. */
    Future<Optional<Held>> take(String secret) {
        String key = digest(secret);
        return VertxFutures.of(map.removeAsync(key))
                .map(value -> trusted(key, value).filter(held -> !held.spent()));
    }

    /** Marks the value spent (kept {@code keep} for replays to be recognised) and answers what it was. */
    Future<Spending> spend(String secret, Duration keep) {
        String key = digest(secret);
        return VertxFutures.of(map.submitToKey(key, new SpendOnce(keep.toMillis())))
                .map(value -> {
                    Optional<Held> held = trusted(key, value);
                    if (held.isEmpty()) {
                        return new Spending(Optional.empty(), Optional.empty());
                    }
                    return held.get().spent()
                            ? new Spending(
                                    Optional.empty(), Optional.of(held.get().value()))
                            : new Spending(Optional.of(held.get().value()), Optional.empty());
                });
    }

    /** An authentic value: the JSON, its expiry, and whether it was spent. */
    record Held(JsonObject value, long expiresAtMillis, boolean spent) {}

    private Optional<Held> trusted(String key, Object value) {
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof FlowEntry entry)
                || !tag(key, entry.json(), entry.expiresAtMillis()).matches(entry.tag())) {
            LOG.warn("an entry of {} failed authentication and was refused", name);
            return Optional.empty();
        }
        // A spent entry is kept past its expiry on purpose: only the spent mark matters then.
        if (!entry.spent() && clock.millis() >= entry.expiresAtMillis()) {
            return Optional.empty();
        }
        return Optional.of(new Held(new JsonObject(entry.json()), entry.expiresAtMillis(), entry.spent()));
    }

    private EntryMac.Tag tag(String key, String json, long expiresAtMillis) {
        return mac.of(name, key).add(json).add(expiresAtMillis);
    }
}
