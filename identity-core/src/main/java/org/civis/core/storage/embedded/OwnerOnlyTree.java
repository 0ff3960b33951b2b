package org.civis.core.storage.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Refuses a directory of programs that another account could have changed: a program we run
 * with the account's rights must be writable by nobody else, or that other account gets our
 * rights (and with them the keystore and the registry) at our next start.
 */
public final class OwnerOnlyTree {
    private static final Set<PosixFilePermission> OTHERS_WRITE =
            Set.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    private OwnerOnlyTree() {}

    /**
     * Checks that {@code root} and everything under it are owned by this account and writable by
     * no group or other account, and that its parent directory is writable by no group or other
     * account (whoever owns the parent could swap {@code root}: it is this account's cache or home).
     *
     * @throws IllegalStateException naming the first path that fails, and why
     */
    public static void check(Path root) {
        long me = ThisAccount.uid();
        Path parent = root.toAbsolutePath().getParent();
        if (parent != null) {
            PosixFileAttributes attributes = attributes(parent);
            if (attributes.permissions().contains(PosixFilePermission.OTHERS_WRITE)
                    || attributes.permissions().contains(PosixFilePermission.GROUP_WRITE)) {
                throw refused(parent, "its parent directory is writable by other accounts");
            }
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.forEach(path -> checkOne(path, me));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check the PostgreSQL binaries in " + root, e);
        }
    }

    private static void checkOne(Path path, long me) {
        PosixFileAttributes attributes = attributes(path);
        if (owner(path) != me) {
            throw refused(
                    path,
                    "it is owned by another account (" + attributes.owner().getName() + ")");
        }
        if (attributes.isSymbolicLink()) {
            return; // a link's own mode means nothing; its target is checked as part of the tree
        }
        if (attributes.permissions().stream().anyMatch(OTHERS_WRITE::contains)) {
            throw refused(path, "it is writable by its group or by other accounts");
        }
    }

    private static IllegalStateException refused(Path path, String why) {
        return new IllegalStateException("refusing to run PostgreSQL binaries: " + path + " is not private, because "
                + why + ". Remove that directory (it is extracted again, privately) or fix its owner and mode.");
    }

    private static long owner(Path path) {
        try {
            return ((Number) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the owner of " + path, e);
        }
    }

    private static PosixFileAttributes attributes(Path path) {
        try {
            return Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the attributes of " + path, e);
        }
    }
}
