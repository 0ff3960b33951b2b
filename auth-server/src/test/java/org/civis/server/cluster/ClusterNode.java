package org.civis.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.civis.server.HttpClientForTests;
import org.civis.server.ServerProcesses;
import org.civis.server.TestServers;

/**
 * One server process of the packaged JAR ({@code target/civis-server.jar} and its {@code lib/}), as
 * an operator runs it on one machine of a cluster: its own data directory and ports, settings from
 * its environment only. It can be killed (SIGKILL) and started again on the same directory.
 */
final class ClusterNode implements AutoCloseable {
    private static final Path JAR = Path.of("target", "civis-server.jar");

    final String name;
    final Path dataDir;
    final int hazelcastPort;
    final HttpClientForTests publicApi;
    final HttpClientForTests adminApi;
    private final Map<String, String> env = new HashMap<>();
    private final List<String> jvmFlags;
    private final Path logs;
    private Process process;
    private int starts;

    ClusterNode(String name, Path work, List<String> jvmFlags) throws IOException {
        this.name = name;
        this.dataDir = Files.createDirectories(work.resolve(name));
        this.logs = work;
        this.jvmFlags = List.copyOf(jvmFlags);
        this.hazelcastPort = TestServers.freePort();
        int publicPort = TestServers.freePort();
        int adminPort = TestServers.freePort();
        env.put("CIVIS_DATA_DIR", dataDir.toString());
        env.put("CIVIS_PUBLIC_PORT", String.valueOf(publicPort));
        env.put("CIVIS_ADMIN_PORT", String.valueOf(adminPort));
        env.put("CIVIS_HZ_PORT", String.valueOf(hazelcastPort));
        publicApi = new HttpClientForTests("http://127.0.0.1:" + publicPort);
        adminApi = new HttpClientForTests("http://127.0.0.1:" + adminPort);
    }

    /** Settings every node of the cluster shares (database, member list, cluster name, passwords). */
    void share(Map<String, String> settings) {
        env.putAll(settings);
    }

    Map<String, String> environment() {
        return Map.copyOf(env);
    }

    /** Starts the process and returns once it says it is up (its listeners are open). */
    void start() throws IOException, InterruptedException {
        launch();
        awaitUp();
    }

    /** Starts the process without waiting, so that several nodes can start side by side. */
    void launch() throws IOException {
        assertThat(process == null || !process.isAlive())
                .as(name + " already runs")
                .isTrue();
        starts++;
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.addAll(List.of("-jar", JAR.toString(), "serve"));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log().toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("CIVIS_"));
        builder.environment().putAll(env);
        process = builder.start();
    }

    void awaitUp() throws IOException, InterruptedException {
        ServerProcesses.awaitUp(process, log());
    }

    /** Polls {@code /health/ready} (PostgreSQL answers, the Hazelcast member is active) for up to two minutes. */
    void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            try {
                if (publicApi.get("/health/ready").status() == 200) {
                    return;
                }
            } catch (IllegalStateException notListening) {
                // not yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError(name + " did not become ready");
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed, the sockets simply close. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    private Path log() {
        return logs.resolve(name + "-" + starts + ".log");
    }

    /** SIGTERM and wait: the node leaves the cluster and writes its last records. */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}
