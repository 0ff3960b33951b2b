package org.civis.oidc.flow;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civis.auth.cluster.ClusterMaps;
import org.civis.auth.cluster.EntryMac;
import org.civis.auth.partner.PartnerId;

/**
 * Pushed authorization requests (RFC 9126): the form a client posted, already authenticated and
 * checked, kept in the cluster under {@code urn:ietf:params:oauth:request_uri:<random>} for a short
 * while, usable once, and only by the client that pushed it.
 */
public final class PushedRequests {
    public static final String URN_PREFIX = "urn:ietf:params:oauth:request_uri:";

    private final ClusterEntries entries;
    private final Duration lifetime;

    public PushedRequests(HazelcastInstance hazelcast, EntryMac mac, Duration lifetime, Clock clock) {
        this.entries = new ClusterEntries(hazelcast, ClusterMaps.OIDC_PUSHED_REQUESTS, mac, clock);
        this.lifetime = lifetime;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** Keeps the form; answers its request URI. */
    public Future<String> push(PartnerId client, Map<String, List<String>> form) {
        String secret = ClusterEntries.newSecret();
        JsonObject params = new JsonObject();
        form.forEach((name, values) -> params.put(name, new JsonArray(values)));
        return entries.put(
                        secret, new JsonObject().put("client", client.value()).put("form", params), lifetime)
                .map(URN_PREFIX + secret);
    }

    /** The form pushed under {@code requestUri} by {@code client}, once; empty if unknown, used, expired or another's. */
    public Future<Optional<Map<String, List<String>>>> take(PartnerId client, String requestUri) {
        if (requestUri == null || !requestUri.startsWith(URN_PREFIX)) {
            return Future.succeededFuture(Optional.empty());
        }
        return entries.take(requestUri.substring(URN_PREFIX.length()))
                .map(held -> held.filter(h -> client.value().equals(h.value().getString("client")))
                        .map(h -> form(h.value().getJsonObject("form"))));
    }

    private static Map<String, List<String>> form(JsonObject json) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        json.forEach(member -> form.put(
                member.getKey(),
                ((JsonArray) member.getValue()).stream().map(String.class::cast).toList()));
        return form;
    }
}
