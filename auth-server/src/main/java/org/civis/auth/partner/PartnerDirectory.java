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
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    /**
     * The last cached entry of a partner this node checked, and its parsed form. The near cache
     * hands out the same instance until the entry changes, so that instance is checked once.
     */
    private record Known(CachedPartner entry, Partner partner) {}

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
            Known seen = known.get(id.value());
            if (seen != null && seen.entry() == entry) {
                return Future.succeededFuture(Optional.of(seen.partner()));
            }
            if (!tag(id.value(), entry.revision(), entry.json()).matches(entry.tag())) {
                LOG.warn("a cached partner in the cluster failed authentication and was refused");
                return VertxFutures.of(cached.submitToKey(id.value(), new RemoveForged<CachedPartner>(entry.tag())))
                        .compose(removed -> loadAndPublish(id));
            }
            if (seen != null && entry.revision() < seen.partner().revision()) {
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

    /** The partner of an entry that passed its checks; parsed once per revision. */
    private Partner parse(PartnerId id, CachedPartner entry) {
        Known seen = known.get(id.value());
        Partner partner = seen != null && seen.partner().revision() == entry.revision()
                ? seen.partner()
                : Partner.fromCacheJson(entry.json());
        known.put(id.value(), new Known(entry, partner));
        return partner;
    }
}
