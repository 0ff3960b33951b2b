package org.civis.server.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.civis.core.keys.OwnerOnlyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory holds keys, passwords, the registry's cluster and live OTP codes: it is
 * 0700 and what it holds is not readable by other accounts. Created so; an existing looser one
 * (from an earlier version, or made by hand) is tightened at start, with a log line.
 */
public final class PrivateDataDir {
    private static final Logger LOG = LoggerFactory.getLogger(PrivateDataDir.class);
    private static final Set<PosixFilePermission> GROUP_AND_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);
    /** PostgreSQL keeps its own cluster directory private and refuses to start on a wrong mode. */
    private static final String CLUSTER = "postgres";

    private PrivateDataDir() {}

    public static void prepare(Path dataDir) {
        try {
            OwnerOnlyFiles.createPrivateDirectories(dataDir);
            if (!dataDir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                return;
            }
            tighten(dataDir);
            try (Stream<Path> top = Files.list(dataDir)) {
                for (Path path : top.toList()) {
                    if (path.getFileName().toString().equals(CLUSTER)) {
                        continue;
                    }
                    if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                        try (Stream<Path> inner = Files.walk(path)) {
                            for (Path p : inner.toList()) {
                                tighten(p);
                            }
                        }
                    } else {
                        tighten(path);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the data directory " + dataDir + " private", e);
        }
    }

    private static void tighten(Path path) throws IOException {
        if (Files.isSymbolicLink(path)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        if (permissions.stream().noneMatch(GROUP_AND_OTHERS::contains)) {
            return;
        }
        Set<PosixFilePermission> tightened = EnumSet.copyOf(permissions);
        tightened.removeAll(GROUP_AND_OTHERS);
        Files.setPosixFilePermissions(path, tightened);
        LOG.warn(
                "made {} private: {} -> {}",
                path,
                PosixFilePermissions.toString(permissions),
                PosixFilePermissions.toString(tightened));
    }
}
