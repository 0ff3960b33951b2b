package org.civis.core.storage.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.civis.core.keys.OwnerOnlyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One PostgreSQL cluster directory and its postmaster, driven with initdb and pg_ctl directly.
 *
 * <p>Why not zonky's {@code EmbeddedPostgres}, which this replaces: it runs initdb with
 * {@code -A trust} (every local account is superuser, at least until a password is set), starts
 * the postmaster with {@code -F} (fsync off) and {@code synchronous_commit=off}, puts the Unix
 * socket in /tmp, extracts its programs into a shared, world-writable {@code /tmp/embedded-pg}
 * that it also sweeps of other directories, and cannot start again a postmaster that died. Here:
 * initdb with {@code --auth=scram-sha-256} and a generated password file, so there is no trust
 * window even at the first start; {@code pg_hba.conf} rewritten at each start to allow only
 * SCRAM over loopback TCP; no Unix socket; durable settings (or, opted in, relaxed); programs
 * from {@link PostgresBinaries}, checked before each use; and {@link #start} callable again after
 * a crash. Only zonky's binaries archive is used.
 */
public final class EmbeddedCluster {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedCluster.class);
    /** The initdb superuser: owns the schema and runs migrations. */
    public static final String OWNER = "postgres";

    private static final String SETTINGS_FILE = "civis.conf";
    private static final String INCLUDE_LINE = "include_if_exists = '" + SETTINGS_FILE + "'";
    private static final List<String> HBA = List.of(
            "# Written by Civis at each start (edits are replaced): SCRAM passwords over loopback TCP only.",
            "# There is no Unix socket and no trust line; the passwords are in the files beside this cluster.",
            "host all all 127.0.0.1/32 scram-sha-256",
            "host all all ::1/128 scram-sha-256");

    private final Path dir;
    private final Path home;
    private final PgCommand pg;
    private final ClusterSecrets secrets;
    private final Durability durability;

    private EmbeddedCluster(Path dir, Path home, ClusterSecrets secrets, Durability durability) {
        this.dir = dir.toAbsolutePath();
        this.home = home;
        this.pg = new PgCommand(home);
        this.secrets = secrets;
        this.durability = durability;
    }

    /** The cluster in {@code dir}, created if missing and brought to password authentication if older. */
    public static EmbeddedCluster prepare(Path dir, Durability durability) {
        EmbeddedCluster cluster =
                new EmbeddedCluster(dir, PostgresBinaries.inUserCache().prepare(), new ClusterSecrets(dir), durability);
        cluster.initialise();
        return cluster;
    }

    public ClusterSecrets secrets() {
        return secrets;
    }

    public Path directory() {
        return dir;
    }

    private void initialise() {
        try {
            OwnerOnlyFiles.createPrivateDirectories(dir.getParent());
            if (!Files.exists(dir.resolve("PG_VERSION"))) {
                secrets.ownerOrCreate();
                pg.run(
                        null,
                        300,
                        "initdb",
                        "-D",
                        dir.toString(),
                        "-U",
                        OWNER,
                        "-E",
                        "UTF-8",
                        "--auth=scram-sha-256",
                        "--pwfile=" + secrets.ownerFile());
                LOG.info("created the embedded PostgreSQL cluster in {} (password authentication)", dir);
            }
            writeConfiguration(0);
            if (secrets.owner().isEmpty()) {
                upgradeFromTrust();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the PostgreSQL cluster in " + dir, e);
        }
    }

    /**
     * A cluster made by an earlier version trusted every local connection and has no password.
     * The owner gets one in single-user mode: no listener is open while it has none.
     */
    private void upgradeFromTrust() {
        LOG.warn(
                "the embedded PostgreSQL in {} trusted every local account: setting a password for its owner"
                        + " and switching to password authentication (one time)",
                dir);
        String password = secrets.ownerOrCreate();
        String output = pg.run(
                "ALTER ROLE " + OWNER + " PASSWORD '" + password + "';\n",
                300,
                "postgres",
                "--single",
                "-D",
                dir.toString(),
                "postgres");
        if (output.contains("ERROR")) {
            throw new IllegalStateException("could not set the owner's password in single-user mode");
        }
    }

    /** Starts the postmaster on {@code port} (127.0.0.1 only) and waits until it accepts connections. */
    public void start(int port) {
        OwnerOnlyTree.check(home);
        try {
            writeConfiguration(port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PostgreSQL configuration in " + dir, e);
        }
        pg.run(
                null,
                330,
                "pg_ctl",
                "-D",
                dir.toString(),
                "-l",
                dir.resolve("postmaster.log").toString(),
                "-w",
                "-t",
                "300",
                "-s",
                "start");
    }

    /** A fast shutdown: open transactions are rolled back, committed ones are all on disk. */
    public void stop() {
        if (postmasterPid().isEmpty()) {
            return;
        }
        OwnerOnlyTree.check(home);
        pg.run(null, 330, "pg_ctl", "-D", dir.toString(), "-m", "fast", "-w", "-t", "300", "-s", "stop");
    }

    /** The live postmaster's process id, from its lock file. */
    public Optional<Long> postmasterPid() {
        return PostmasterLockFile.read(dir).filter(PostmasterLockFile::alive).map(PostmasterLockFile::pid);
    }

    private void writeConfiguration(int port) throws IOException {
        Path conf = dir.resolve("postgresql.conf");
        List<String> lines = Files.readAllLines(conf, StandardCharsets.UTF_8);
        if (!lines.contains(INCLUDE_LINE)) {
            Files.writeString(
                    conf,
                    "\n# Civis's settings, rewritten at each start, come last and so win:\n" + INCLUDE_LINE + "\n",
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
        }
        String settings = String.join(
                        "\n",
                        "# Written by Civis at each start (edits are replaced).",
                        port > 0 ? "port = " + port : "",
                        "listen_addresses = '127.0.0.1'",
                        "unix_socket_directories = ''",
                        "password_encryption = 'scram-sha-256'",
                        "max_connections = 100",
                        "timezone = 'UTC'",
                        "fsync = on",
                        "full_page_writes = on",
                        "synchronous_commit = " + (durability == Durability.DURABLE ? "on" : "off"))
                + "\n";
        OwnerOnlyFiles.writeAtomically(dir.resolve(SETTINGS_FILE), settings.getBytes(StandardCharsets.UTF_8));
        OwnerOnlyFiles.writeAtomically(
                dir.resolve("pg_hba.conf"), (String.join("\n", HBA) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
