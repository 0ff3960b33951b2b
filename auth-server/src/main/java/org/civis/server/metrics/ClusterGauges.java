package org.civis.server.metrics;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.nearcache.NearCacheStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.civis.auth.cluster.ClusterMaps;

/**
 * Hazelcast as this member sees it, read at each scrape: {@code civis_hazelcast_members}, and for
 * each near-cached map on the auth path ({@code map} is its fixed name) the near cache's hits,
 * misses, hit ratio and entries. A low ratio on {@code civis-auth-views} means most requests pay a
 * call to the owning member.
 */
final class ClusterGauges {
    private static final List<String> NEAR_CACHED =
            List.of(ClusterMaps.AUTH_VIEWS, ClusterMaps.VID_OWNERS, ClusterMaps.PARTNERS);

    private ClusterGauges() {}

    static void register(MeterRegistry registry, HazelcastInstance hazelcast) {
        Gauge.builder(
                        "civis.hazelcast.members",
                        () -> hazelcast.getCluster().getMembers().size())
                .description("Members of the Hazelcast cluster this node sees")
                .register(registry);
        for (String map : NEAR_CACHED) {
            FunctionCounter.builder("civis.hazelcast.near.cache.hits", hazelcast, near(map, NearCacheStats::getHits))
                    .description("Reads answered by this node's near cache")
                    .tag("map", map)
                    .register(registry);
            FunctionCounter.builder(
                            "civis.hazelcast.near.cache.misses", hazelcast, near(map, NearCacheStats::getMisses))
                    .description("Reads that went to the owning member")
                    .tag("map", map)
                    .register(registry);
            Gauge.builder("civis.hazelcast.near.cache.hit.ratio", hazelcast, near(map, ClusterGauges::hitRatio))
                    .description("Hits over reads since start, 0 before the first read")
                    .tag("map", map)
                    .register(registry);
            Gauge.builder(
                            "civis.hazelcast.near.cache.entries",
                            hazelcast,
                            near(map, NearCacheStats::getOwnedEntryCount))
                    .description("Entries held in this node's near cache")
                    .tag("map", map)
                    .register(registry);
        }
    }

    private static ToDoubleFunction<HazelcastInstance> near(String map, ToDoubleFunction<NearCacheStats> value) {
        return hazelcast -> {
            NearCacheStats stats = hazelcast.getMap(map).getLocalMapStats().getNearCacheStats();
            return stats == null ? 0 : value.applyAsDouble(stats); // no near cache until the map is first used
        };
    }

    private static double hitRatio(NearCacheStats stats) {
        long reads = stats.getHits() + stats.getMisses();
        return reads == 0 ? 0 : (double) stats.getHits() / reads;
    }
}
