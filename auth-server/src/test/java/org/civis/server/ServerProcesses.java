package org.civis.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Servers that tests run as real child processes, so that they can be killed like real ones. */
public final class ServerProcesses {
    private ServerProcesses() {}

    /** Waits until the server writing {@code log} says it is up; fails if it exits first or takes 3 minutes. */
    public static Process awaitUp(Process process, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (output.contains("Civis is up")) {
                return process;
            }
            assertThat(process.isAlive()).as("server exited early:%n%s", output).isTrue();
            Thread.sleep(200);
        }
        throw new AssertionError("server did not start:\n" + Files.readString(log, StandardCharsets.UTF_8));
    }
}
