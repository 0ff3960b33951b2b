package org.civis.core.storage.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.civis.core.keys.OwnerOnlyFiles;

/**
 * The embedded cluster's two passwords, each in a 0600 file beside the cluster directory (like
 * the keystore password): {@code postgres-owner.password} for the superuser that owns the schema
 * and runs migrations, {@code postgres-app.password} for the role the server's pool uses.
 * Generated on first need, written atomically, never logged.
 */
public final class ClusterSecrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path ownerFile;
    private final Path appFile;

    public ClusterSecrets(Path clusterDir) {
        Path dir = clusterDir.toAbsolutePath().getParent();
        String name = clusterDir.getFileName().toString();
        this.ownerFile = dir.resolve(name + "-owner.password");
        this.appFile = dir.resolve(name + "-app.password");
    }

    Path ownerFile() {
        return ownerFile;
    }

    /** The owner's password, if one was ever generated (a cluster from before passwords has none). */
    public Optional<String> owner() {
        return read(ownerFile);
    }

    /** The application role's password, if one was generated. */
    public Optional<String> app() {
        return read(appFile);
    }

    String ownerOrCreate() {
        return owner().orElseGet(() -> create(ownerFile));
    }

    public String appOrCreate() {
        return app().orElseGet(() -> create(appFile));
    }

    private static Optional<String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** URL-safe characters only: the password can stand in a connection URL and an SQL literal as it is. */
    private static String create(Path file) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            OwnerOnlyFiles.writeAtomically(file, (password + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return password;
    }
}
