package org.civis.server.platform;

import com.hazelcast.cluster.ClusterState;
import com.hazelcast.config.AdvancedNetworkConfig;
import com.hazelcast.config.ClassFilter;
import com.hazelcast.config.Config;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.ServerSocketEndpointConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.util.ConcurrencyUtil;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.civis.auth.cluster.ClusterMaps;
import org.civis.auth.cluster.gallery.GalleryMembers;
import org.civis.auth.cluster.gallery.ScanExecutor;
import org.civis.server.config.CivisConfig;

/**
 * The embedded Hazelcast member. Bound to one address (loopback by default), joined only through
 * an explicit TCP/IP member list: no multicast, no auto-detection, no phone-home.
 *
 * <p>Hazelcast open source authenticates neither members nor clients, so the member keeps its
 * surface small: it serves only the member protocol (no client, REST or memcache endpoint, so no
 * Hazelcast client can connect and write maps), and a member joins only if it knows the join
 * secret, which is part of the cluster name Hazelcast compares at join. That secret travels in the
 * clear on the cluster network like all member traffic: the network stays a trust boundary, and
 * the values nodes keep in the maps are authenticated besides ({@link org.civis.auth.cluster.EntryMac}).
 */
public final class HazelcastMember {
    private HazelcastMember() {}

    /** @param joinSecret what a member must know besides the cluster name (derived from auth-keys.p12) */
    public static HazelcastInstance start(CivisConfig civis, String joinSecret) {
        if (joinSecret == null || joinSecret.isBlank()) {
            throw new IllegalArgumentException("a Hazelcast member needs a join secret");
        }
        useBoundedAsyncExecutor();
        Config config = new Config();
        config.setClusterName(civis.hazelcastClusterName() + "-" + joinSecret);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        // Each log line would otherwise carry the cluster name, and with it the join secret.
        config.setProperty("hazelcast.logging.details.enabled", "false");
        config.setProperty("hazelcast.socket.bind.any", "false");
        // The server stops the member itself, after the HTTP listeners and before the database.
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        // Another member's bytes are deserialized here: only classes of Civis, the JDK and
        // Hazelcast itself, so no gadget chain from a library on the class path can be sent in.
        config.getSerializationConfig()
                .setJavaSerializationFilterConfig(new JavaSerializationFilterConfig()
                        .setDefaultsDisabled(true)
                        .setWhitelist(new ClassFilter().addPrefixes("org.civis.", "java.", "com.hazelcast.", "[")));
        ClusterMaps.configure(config, civis.auth().nearCacheEntries());
        ScanExecutor.configure(config);
        GalleryMembers.announce(config, civis.biometrics().holdsGallery());
        List<String> members = civis.hazelcastMembers();
        if (members.isEmpty()) {
            config.setProperty("hazelcast.wait.seconds.before.join", "0"); // nobody to wait for
        }

        // Member protocol only: an advanced network config with no client endpoint refuses clients.
        AdvancedNetworkConfig network = config.getAdvancedNetworkConfig().setEnabled(true);
        ServerSocketEndpointConfig memberEndpoint = new ServerSocketEndpointConfig();
        memberEndpoint.setPort(civis.hazelcastPort()).setPortAutoIncrement(true);
        memberEndpoint.getInterfaces().setEnabled(true).addInterface(civis.hazelcastBindAddress());
        network.setMemberEndpointConfig(memberEndpoint);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig()
                .setEnabled(true)
                .setMembers(members.isEmpty() ? List.of(civis.hazelcastBindAddress()) : members);
        return Hazelcast.newHazelcastInstance(config);
    }

    /**
     * Hazelcast completes its async calls through the JDK's common pool, or, when that pool has a
     * single thread (machines with two cores or fewer), through a new thread per callback. On a
     * 2-core node that cost half the CPU and capped signed authentication near 300 requests/s.
     * A small fixed pool of daemon threads serves instead; our callbacks only hand the result to
     * a Vert.x context, so they are short.
     */
    private static synchronized void useBoundedAsyncExecutor() {
        if (asyncExecutor == null) {
            AtomicInteger count = new AtomicInteger();
            asyncExecutor = Executors.newFixedThreadPool(
                    Math.max(2, Runtime.getRuntime().availableProcessors()), task -> {
                        Thread thread = new Thread(task, "civis-hz-async-" + count.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
            ConcurrencyUtil.setDefaultAsyncExecutor(asyncExecutor);
        }
    }

    private static ExecutorService asyncExecutor;

    /** Ready when the member runs and its cluster accepts operations. */
    public static boolean isReady(HazelcastInstance member) {
        return member.getLifecycleService().isRunning() && member.getCluster().getClusterState() == ClusterState.ACTIVE;
    }
}
