package org.civis.server.cluster;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.civis.core.storage.PostgresServer;
import org.civis.core.storage.TestDatabase;
import org.civis.server.HttpClientForTests.Reply;
import org.civis.server.TestServers;
import org.civis.server.operator.TestIdentityProvider;

/**
 * A cluster as an operator would set one up on loopback: one PostgreSQL server, one identity
 * provider for the operators, and N server processes of the same JAR, each with its own data
 * directory and ports, that find each other through a static member list.
 *
 * <p>The keys every node must hold alike (the registry's {@code keystore.p12}, whose master key seals
 * personal data; {@code auth-keys.p12}, which signs answers and derives the Hazelcast join secret;
 * {@code issuer-keys.p12}) are created by the first node and copied into the other data directories
 * before those start, all under one {@code CIVIS_KEYSTORE_PASSWORD}.
 */
final class LocalCluster implements AutoCloseable {
    static final List<String> KEYSTORES = List.of("keystore.p12", "auth-keys.p12", "issuer-keys.p12");

    final List<ClusterNode> nodes;
    final Map<String, String> shared;
    private final Vertx vertx;
    private final TestIdentityProvider idp;
    private final RSAKey operatorKey;

    private LocalCluster(
            List<ClusterNode> nodes,
            Map<String, String> shared,
            Vertx vertx,
            TestIdentityProvider idp,
            RSAKey operatorKey) {
        this.nodes = nodes;
        this.shared = shared;
        this.vertx = vertx;
        this.idp = idp;
        this.operatorKey = operatorKey;
    }

    /** Starts {@code size} nodes: the first alone (it creates the keys), then the others side by side. */
    static LocalCluster start(Path work, int size, List<String> jvmFlags) throws Exception {
        Vertx vertx = Vertx.vertx();
        TestIdentityProvider idp = new TestIdentityProvider(vertx);
        RSAKey operatorKey = TestIdentityProvider.rsaKey();
        idp.publish(operatorKey);

        List<ClusterNode> nodes = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            nodes.add(new ClusterNode("node-" + i, work, jvmFlags));
        }
        Map<String, String> shared = new HashMap<>();
        shared.put("CIVIS_DB_URL", databaseUrl(TestDatabase.fresh()));
        shared.put("CIVIS_DB_POOL_SIZE", "4");
        shared.put("CIVIS_HTTP_INSTANCES", "1");
        shared.put("CIVIS_KEYSTORE_PASSWORD", UUID.randomUUID().toString());
        shared.put("CIVIS_HZ_CLUSTER_NAME", "cluster-" + UUID.randomUUID());
        shared.put(
                "CIVIS_HZ_MEMBERS",
                nodes.stream().map(n -> "127.0.0.1:" + n.hazelcastPort).collect(Collectors.joining(",")));
        shared.put("CIVIS_OPERATOR_ISSUER", TestIdentityProvider.ISSUER);
        shared.put("CIVIS_OPERATOR_JWKS_URL", idp.jwksUrl().toString());
        shared.put("CIVIS_OPERATOR_AUDIENCE", TestIdentityProvider.AUDIENCE);
        nodes.forEach(n -> n.share(shared));

        LocalCluster cluster = new LocalCluster(nodes, shared, vertx, idp, operatorKey);
        try {
            ClusterNode first = nodes.get(0);
            first.start();
            for (ClusterNode other : nodes.subList(1, size)) {
                copyKeystores(first.dataDir, other.dataDir);
                other.launch();
            }
            for (ClusterNode node : nodes) {
                node.awaitUp();
                node.awaitReady();
            }
            return cluster;
        } catch (Exception | AssertionError e) {
            cluster.close();
            throw e;
        }
    }

    /** What an operator does for a new node: the same keystore files, owner-only, before its first start. */
    static void copyKeystores(Path from, Path to) throws IOException {
        for (String file : KEYSTORES) {
            if (Files.exists(from.resolve(file))) {
                Files.copy(
                        from.resolve(file),
                        to.resolve(file),
                        StandardCopyOption.COPY_ATTRIBUTES,
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static String databaseUrl(PostgresServer database) {
        return "postgresql://" + database.user() + ":" + database.password() + "@127.0.0.1:"
                + database.connectOptions().getPort() + "/"
                + database.connectOptions().getDatabase();
    }

    /** A fresh five-minute token from the organisation's IdP, holding the roles these tests use. */
    String operatorToken() {
        try {
            return TestIdentityProvider.sign(
                    operatorKey,
                    JWSAlgorithm.RS256,
                    TestIdentityProvider.keycloakClaims(
                                    "cluster-operator", "registrar", "partner-admin", "identity-admin")
                            .build());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An admin call with the operator's bearer token, as every admin call must carry. */
    Reply adminPost(ClusterNode node, String path, JsonObject body) {
        return node.adminApi.send(
                "POST", path, body.encode(), "application/json", Map.of("authorization", "Bearer " + operatorToken()));
    }

    /** A connection as the servers' own database role. */
    Connection database() throws SQLException {
        return TestServers.databaseConnection(shared);
    }

    ClusterObserver observe() {
        return ClusterObserver.join(nodes.get(0).environment());
    }

    @Override
    public void close() throws Exception {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            nodes.get(i).close();
        }
        idp.close();
        vertx.close().toCompletionStage().toCompletableFuture().get();
    }
}
