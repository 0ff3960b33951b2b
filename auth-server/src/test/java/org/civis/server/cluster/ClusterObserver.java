package org.civis.server.cluster;

import com.hazelcast.config.AdvancedNetworkConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.ServerSocketEndpointConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.civis.server.TestServers;
import org.civis.server.config.CivisConfig;
import org.civis.server.config.ConfigLoader;
import org.civis.server.platform.RegistryKeyStore;

/**
 * A Hazelcast lite member in the test JVM: it holds no partitions, so it changes nothing the nodes
 * do, but it sees what an operator wants to see and the servers do not publish: how many members
 * the cluster has and whether every partition has its backups again. It joins as any member must,
 * with the cluster name and the join secret derived from the shared {@code auth-keys.p12}.
 */
final class ClusterObserver implements AutoCloseable {
    private final HazelcastInstance member;

    private ClusterObserver(HazelcastInstance member) {
        this.member = member;
    }

    static ClusterObserver join(Map<String, String> nodeSettings) {
        CivisConfig civis = ConfigLoader.load(nodeSettings);
        String joinSecret = RegistryKeyStore.openAuthKeys(civis).clusterJoinSecret(civis.hazelcastClusterName());
        Config config = new Config();
        config.setClusterName(civis.hazelcastClusterName() + "-" + joinSecret);
        config.setLiteMember(true);
        config.setInstanceName("cluster-observer");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.logging.details.enabled", "false");
        config.setProperty("hazelcast.socket.bind.any", "false");
        AdvancedNetworkConfig network = config.getAdvancedNetworkConfig().setEnabled(true);
        ServerSocketEndpointConfig endpoint = new ServerSocketEndpointConfig();
        endpoint.setPort(TestServers.freePort()).setPortAutoIncrement(true);
        endpoint.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        network.setMemberEndpointConfig(endpoint);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(civis.hazelcastMembers());
        return new ClusterObserver(Hazelcast.newHazelcastInstance(config));
    }

    /** Data members: the servers, without this observer. */
    int servers() {
        return (int) member.getCluster().getMembers().stream()
                .filter(m -> !m.isLiteMember())
                .count();
    }

    /** Every partition has its owner and its backups in sync: a member may leave without data loss. */
    boolean safe() {
        return member.getPartitionService().isClusterSafe();
    }

    /** Polls every 20 ms until the cluster has {@code servers} data members and is safe. */
    void awaitSafeWith(int servers, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (servers() == servers && safe()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the cluster did not become safe with " + servers + " servers within " + limit
                + " (it has " + servers() + ")");
    }

    /** Polls every 20 ms until the cluster has {@code servers} data members. */
    void awaitServers(int servers, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (servers() == servers) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        throw new AssertionError("the cluster did not reach " + servers + " servers within " + limit);
    }

    @Override
    public void close() {
        member.shutdown();
    }
}
