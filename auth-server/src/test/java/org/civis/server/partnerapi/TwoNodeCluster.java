package org.civis.server.partnerapi;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.civis.server.TestServers;

/**
 * Two server nodes in one Hazelcast cluster on loopback, sharing one PostgreSQL database and one
 * set of keys, each on its own ports. Closing stops the second node, then the first (which owns
 * the embedded database).
 */
record TwoNodeCluster(AuthTestbed first, AuthTestbed second) implements AutoCloseable {

    /** @param secondNodeSettings settings only the second node gets (an auth-only node's, say) */
    static TwoNodeCluster start(Map<String, String> secondNodeSettings) throws IOException {
        Map<String, String> shared = TestServers.environment(Files.createTempDirectory("civis-cluster-test"));
        int firstPort = TestServers.freePort();
        int secondPort = TestServers.freePort();
        String members = "127.0.0.1:" + firstPort + ",127.0.0.1:" + secondPort;
        AuthTestbed first = new AuthTestbed(
                shared, Map.of("CIVIS_HZ_PORT", String.valueOf(firstPort), "CIVIS_HZ_MEMBERS", members));
        Map<String, String> secondNode = new HashMap<>(shared);
        secondNode.put("CIVIS_PUBLIC_PORT", String.valueOf(TestServers.freePort()));
        secondNode.put("CIVIS_ADMIN_PORT", String.valueOf(TestServers.freePort()));
        secondNode.put("CIVIS_HZ_PORT", String.valueOf(secondPort));
        secondNode.put("CIVIS_HZ_MEMBERS", members);
        return new TwoNodeCluster(first, new AuthTestbed(secondNode, secondNodeSettings));
    }

    @Override
    public void close() {
        second.close();
        first.close();
    }
}
