package org.civis.auth.partner;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.civis.auth.cluster.ClusterMaps;
import org.civis.auth.cluster.EntryMac;
import org.civis.auth.cluster.PutIfNewer;
import org.civis.auth.cluster.RemoveForged;
import org.civis.auth.cluster.VertxFutures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the request path finds partners: the cluster map (near-cached on every node), loaded
 * from PostgreSQL on a miss. Each node also keeps the parsed form of each partner per revision,
 * so keys are parsed once per change, not once per request.
 *
 * <p>The cluster is not trusted with partners: an entry whose tag fails ({@link EntryMac}), or
 * whose revision is older than one this node has already seen, is never used; the partner is
 * read from PostgreSQL instead and the cluster's entry replaced.
 */
public final class PartnerDirectory implements PartnerChanges {
    private static final Logger LOG = LoggerFactory.getLogger(PartnerDirectory.class);

    private final IMap<String, CachedPartner> cached;
    private final Pool pool;
    private final EntryMac mac;
    private final Map<String, Partner> parsed = new ConcurrentHashMap<>();

    public PartnerDirectory(HazelcastInstance hazelcast, Pool pool, EntryMac mac) {
        this.cached = hazelcast.getMap(ClusterMaps.PARTNERS);
        this.pool = pool;
        this.mac = mac;
    }

    public Future<Optional<Partner>> find(PartnerId id) {
        return VertxFutures.of(cached.getAsync(id.value())).compose(entry -> {
            if (entry == null) {
                return loadAndPublish(id);
            }
            if (!tag(id.value(), entry.revision(), entry.json()).matches(entry.tag())) {
                LOG.warn("a cached partner in the cluster failed authentication and was refused");
                return VertxFutures.of(cached.submitToKey(id.value(), new RemoveForged<CachedPartner>(entry.tag())))
                        .compose(removed -> loadAndPublish(id));
            }
            Partner known = parsed.get(id.value());
            if (known != null && entry.revision() < known.revision()) {
                LOG.warn("a cached partner in the cluster is older than one this node has seen; read again");
                return loadAndPublish(id);
            }
            return Future.succeededFuture(Optional.of(parse(id, entry)));
        });
    }

    private Future<Optional<Partner>> loadAndPublish(PartnerId id) {
        return PartnerService.load(pool, id)
                .compose(found -> found.isEmpty()
                        ? Future.succeededFuture(Optional.<Partner>empty())
                        : publish(found.get()).map(found));
    }

    /** Makes {@code partner} the cluster's view unless a newer revision is already there. */
    @Override
    public Future<Void> publish(Partner partner) {
        String id = partner.id().value();
        String json = partner.toCacheJson();
        CachedPartner entry = new CachedPartner(
                partner.revision(), json, tag(id, partner.revision(), json).tag());
        return VertxFutures.of(cached.submitToKey(id, new PutIfNewer<>(entry))).mapEmpty();
    }

    private EntryMac.Tag tag(String id, long revision, String json) {
        return mac.of(ClusterMaps.PARTNERS, id).add(revision).add(json);
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
