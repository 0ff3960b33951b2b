package org.civis.server.platform;

import com.hazelcast.cluster.ClusterState;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
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
import org.civis.server.CivisConfig;

/**
 * The embedded Hazelcast member. Bound to one address (loopback by default), joined only through
 * an explicit TCP/IP member list: no multicast, no auto-detection, no phone-home.
 */
public final class HazelcastMember {
    private HazelcastMember() {}

    public static HazelcastInstance start(CivisConfig civis) {
        useBoundedAsyncExecutor();
        Config config = new Config();
        config.setClusterName(civis.hazelcastClusterName());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.socket.bind.any", "false");
        // The server stops the member itself, after the HTTP listeners and before the database.
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        ClusterMaps.configure(config, civis.auth().nearCacheEntries());
        ScanExecutor.configure(config);
        GalleryMembers.announce(config, civis.biometrics().holdsGallery());
        List<String> members = civis.hazelcastMembers();
        if (members.isEmpty()) {
            config.setProperty("hazelcast.wait.seconds.before.join", "0"); // nobody to wait for
        }

        NetworkConfig network = config.getNetworkConfig();
        network.setPort(civis.hazelcastPort()).setPortAutoIncrement(true);
        network.getInterfaces().setEnabled(true).addInterface(civis.hazelcastBindAddress());
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
