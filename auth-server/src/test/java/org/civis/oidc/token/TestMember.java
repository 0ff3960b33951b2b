package org.civis.oidc.token;

import com.hazelcast.core.HazelcastInstance;
import java.util.Map;
import java.util.UUID;
import org.civis.server.TestServers;
import org.civis.server.config.ConfigLoader;
import org.civis.server.platform.HazelcastMember;

/** A real Hazelcast member, configured as a node's, in a cluster of its own. */
public final class TestMember {
    private TestMember() {}

    public static HazelcastInstance start() {
        return HazelcastMember.start(
                ConfigLoader.load(Map.of(
                        "CIVIS_HZ_CLUSTER_NAME",
                        "oidc-test-" + UUID.randomUUID(),
                        "CIVIS_HZ_PORT",
                        String.valueOf(TestServers.freePort()))),
                "test-join-secret");
    }
}
