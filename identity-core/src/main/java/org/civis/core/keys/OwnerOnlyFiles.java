package org.civis.core.keys;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.concurrent.ThreadLocalRandom;

/** Writes secret files so they are complete or absent after a crash, and never readable by other users. */
public final class OwnerOnlyFiles {

    private static final FileAttribute<?> OWNER_READ_WRITE = PosixFilePermissions.asFileAttribute(
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));

    private static final FileAttribute<?> OWNER_ONLY_DIRECTORY = PosixFilePermissions.asFileAttribute(EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));

    private OwnerOnlyFiles() {}

    /**
     * Writes to a temporary file in the target's directory, created 0600 from the start (chmod after writing
     * would leave a window where others can read it), forces it to disk and renames it over the target.
     * Concurrent first starts of several processes are not coordinated: the last rename wins.
     */
    public static void writeAtomically(Path target, byte[] content) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temp = directory.resolve("." + target.getFileName() + "."
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        // createFile fails if the name exists, so a planted file or symlink at the temp name is never written through.
        if (posix) {
            Files.createFile(temp, OWNER_READ_WRITE);
        } else {
            Files.createFile(temp);
        }
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                // Without this the rename can reach the disk before the data, leaving an empty file after a crash.
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        forceDirectory(directory);
    }

    /** Creates {@code directory} and any missing parents 0700 (parents that exist are left as they are). */
    public static void createPrivateDirectories(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(directory, OWNER_ONLY_DIRECTORY);
        } else {
            Files.createDirectories(directory);
        }
    }

    /** Appends to {@code file}, creating it (and its directory) readable by this account only. */
    public static void appendPrivately(Path file, byte[] content) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        createPrivateDirectories(directory);
        if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try {
                if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.createFile(file, OWNER_READ_WRITE);
                } else {
                    Files.createFile(file);
                }
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another writer created it first, with the same mode
            }
        }
        Files.write(file, content, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms (Windows) cannot open a directory; the rename itself is still atomic there.
        }
    }
}
