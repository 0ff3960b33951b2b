package org.civis.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateDataDirTest {

    @Test
    void aMissingDataDirIsCreatedPrivate(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("civis-data");
        PrivateDataDir.prepare(dataDir);
        assertThat(Files.getPosixFilePermissions(dataDir)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void aLooserDataDirFromAnEarlierVersionIsTightenedAtStart(@TempDir Path dir) throws Exception {
        Path dataDir = Files.createDirectory(dir.resolve("civis-data"));
        Path outbox = Files.createDirectory(dataDir.resolve("outbox"));
        Path codes = Files.writeString(outbox.resolve("otp.jsonl"), "{}\n");
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(outbox, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(codes, PosixFilePermissions.fromString("rw-r--r--"));

        PrivateDataDir.prepare(dataDir);

        assertThat(Files.getPosixFilePermissions(dataDir)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(outbox)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(codes)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }
}
