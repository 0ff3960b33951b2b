package org.civis.core.storage.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** PostgreSQL's own lock file, {@code postmaster.pid}: line 1 the pid, line 4 the port. */
public record PostmasterLockFile(long pid, int port) {

    /** The lock file of {@code clusterDir}, whether or not its process still runs. */
    public static Optional<PostmasterLockFile> read(Path clusterDir) {
        Path file = clusterDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return Optional.of(new PostmasterLockFile(
                    Long.parseLong(lines.get(0).trim()),
                    Integer.parseInt(lines.get(3).trim())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // half-written, or from a crash: nothing runs on it
        }
    }

    /**
     * True while the process runs. A killed postmaster may stay a zombie if nothing reaps it
     * (a container's init), and a zombie is not a running server.
     */
    public boolean alive() {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (Files.isReadable(stat)) {
            try {
                String text = Files.readString(stat, StandardCharsets.US_ASCII);
                int end = text.lastIndexOf(')');
                return end > 0 && end + 2 < text.length() && text.charAt(end + 2) != 'Z';
            } catch (IOException e) {
                return false; // it ended between the two calls
            }
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
