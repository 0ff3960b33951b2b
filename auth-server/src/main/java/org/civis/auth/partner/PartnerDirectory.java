package org.civis.auth.partner;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.civis.auth.cluster.ClusterMaps;
import org.civis.auth.cluster.PutIfNewer;
import org.civis.auth.cluster.VertxFutures;

/**
 * Where the request path finds partners: the cluster map (near-cached on every node), loaded
 * from PostgreSQL on a miss. Each node also keeps the parsed form of each partner per revision,
 * so keys are parsed once per change, not once per request.
 */
public final class PartnerDirectory implements PartnerChanges {
    private final IMap<String, CachedPartner> cached;
    private final Pool pool;
    private final Map<String, Partner> parsed = new ConcurrentHashMap<>();

    public PartnerDirectory(HazelcastInstance hazelcast, Pool pool) {
        this.cached = hazelcast.getMap(ClusterMaps.PARTNERS);
        this.pool = pool;
    }

    public Future<Optional<Partner>> find(PartnerId id) {
        return VertxFutures.of(cached.getAsync(id.value())).compose(entry -> {
            if (entry != null) {
                return Future.succeededFuture(Optional.of(parse(id, entry)));
            }
            return PartnerService.load(pool, id)
                    .compose(found -> found.isEmpty()
                            ? Future.succeededFuture(Optional.<Partner>empty())
                            : publish(found.get()).map(found));
        });
    }

    /** Makes {@code partner} the cluster's view unless a newer revision is already there. */
    @Override
    public Future<Void> publish(Partner partner) {
        return VertxFutures.of(cached.submitToKey(
                        partner.id().value(),
                        new PutIfNewer<>(new CachedPartner(partner.revision(), partner.toCacheJson()))))
                .mapEmpty();
    }

    private Partner parse(PartnerId id, CachedPartner entry) {
        Partner known = parsed.get(id.value());
        if (known != null && known.revision() == entry.revision()) {
            return known;
        }
        Partner partner = Partner.fromCacheJson(entry.json());
        parsed.put(id.value(), partner);
        return partner;
    }
}
