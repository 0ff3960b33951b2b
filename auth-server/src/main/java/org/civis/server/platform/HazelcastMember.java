package org.civis.server.platform;

import com.hazelcast.cluster.ClusterState;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.util.List;
import org.civis.auth.cluster.ClusterMaps;
import org.civis.server.CivisConfig;

/**
 * The embedded Hazelcast member. Bound to one address (loopback by default), joined only through
 * an explicit TCP/IP member list: no multicast, no auto-detection, no phone-home.
 */
public final class HazelcastMember {
    private HazelcastMember() {}

    public static HazelcastInstance start(CivisConfig civis) {
        Config config = new Config();
        config.setClusterName(civis.hazelcastClusterName());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.socket.bind.any", "false");
        // The server stops the member itself, after the HTTP listeners and before the database.
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        ClusterMaps.configure(config);
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

    /** Ready when the member runs and its cluster accepts operations. */
    public static boolean isReady(HazelcastInstance member) {
        return member.getLifecycleService().isRunning() && member.getCluster().getClusterState() == ClusterState.ACTIVE;
    }
}
