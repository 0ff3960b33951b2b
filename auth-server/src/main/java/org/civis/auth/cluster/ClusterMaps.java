package org.civis.auth.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.config.NearCacheConfig;

/**
 * The names and settings of the maps on the auth path. Views that every request reads have a
 * near cache on each node; maps that count or remember (OTPs, replay keys, rate counters) are
 * always read on the owning member, so two nodes never disagree about them.
 */
public final class ClusterMaps {
    public static final String AUTH_VIEWS = "civis-auth-views";
    public static final String VID_OWNERS = "civis-vid-owners";
    public static final String PARTNERS = "civis-partners";
    public static final String OTPS = "civis-otps";
    public static final String REPLAY = "civis-replay";
    public static final String RATES = "civis-rates";
    public static final String RESIDENT_SESSIONS = "civis-resident-sessions";
    /** OpenID access tokens by the SHA-256 digest of the token. */
    public static final String OIDC_ACCESS_TOKENS = "civis-oidc-access-tokens";
    /** OpenID grants whose code was replayed: their access tokens no longer work. */
    public static final String OIDC_REVOKED_GRANTS = "civis-oidc-revoked-grants";

    /** OpenID sign-ins in progress, by the digest of the browser's handle. */
    public static final String OIDC_SIGN_INS = "civis-oidc-sign-ins";
    /** Pushed authorization requests, by the digest of their request URI's random part. */
    public static final String OIDC_PUSHED_REQUESTS = "civis-oidc-pushed-requests";
    /** Authorization codes (and spent ones, kept to recognise a replay), by the digest of the code. */
    public static final String OIDC_CODES = "civis-oidc-codes";

    private ClusterMaps() {}

    /**
     * @param nearCacheEntries how many auth views (and as many partners and VID owners) each node
     *     keeps deserialized beside it; a miss costs a call to the owning member
     */
    public static void configure(Config config, int nearCacheEntries) {
        // A change must reach every node's near cache before the next request: invalidations are
        // sent as each change is applied, not batched.
        config.setProperty("hazelcast.map.invalidation.batch.enabled", "false");
        for (String name : new String[] {AUTH_VIEWS, VID_OWNERS, PARTNERS}) {
            config.addMapConfig(new MapConfig(name)
                    .setBackupCount(1)
                    .setInMemoryFormat(InMemoryFormat.BINARY)
                    .setNearCacheConfig(new NearCacheConfig(name)
                            .setInMemoryFormat(InMemoryFormat.OBJECT)
                            .setInvalidateOnChange(true)
                            .setCacheLocalEntries(true)
                            .setEvictionConfig(new EvictionConfig()
                                    .setEvictionPolicy(EvictionPolicy.LRU)
                                    .setMaxSizePolicy(MaxSizePolicy.ENTRY_COUNT)
                                    .setSize(nearCacheEntries))));
        }
        for (String name :
                new String[] {OTPS, REPLAY, RATES, RESIDENT_SESSIONS, OIDC_ACCESS_TOKENS, OIDC_REVOKED_GRANTS}) {
            config.addMapConfig(new MapConfig(name).setBackupCount(1));
        }
        for (String name : new String[] {OIDC_SIGN_INS, OIDC_PUSHED_REQUESTS, OIDC_CODES}) {
            config.addMapConfig(new MapConfig(name).setBackupCount(1));
        }
    }
}
