package org.civis.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeystorePasswordTest {

    @TempDir
    Path dataDir;

    @Test
    void configuredPasswordWinsAndNoFileIsWritten() {
        char[] password = KeystorePassword.resolve(dataDir, "from-the-environment");

        assertThat(new String(password)).isEqualTo("from-the-environment");
        assertThat(dataDir.resolve("keystore.password")).doesNotExist();
    }

    @Test
    void blankConfiguredPasswordFallsBackToTheGeneratedFile() {
        char[] password = KeystorePassword.resolve(dataDir, "  ");

        assertThat(dataDir.resolve("keystore.password")).isRegularFile();
        assertThat(new String(password)).hasSize(43).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void generatedPasswordFileIsOwnerOnlyAndReused() throws Exception {
        char[] first = KeystorePassword.resolve(dataDir, null);
        Path file = dataDir.resolve("keystore.password");
        byte[] contentAfterFirst = Files.readAllBytes(file);

        char[] second = KeystorePassword.resolve(dataDir, null);

        assertThat(new String(first)).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(second).isEqualTo(first);
        assertThat(new String(contentAfterFirst, StandardCharsets.US_ASCII)).isEqualTo(new String(first));
        assertThat(Files.readAllBytes(file)).isEqualTo(contentAfterFirst);
        try (Stream<Path> files = Files.list(dataDir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("keystore.password");
        }
        assumeTrue(dataDir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void separateDataDirectoriesGetDifferentPasswords() {
        char[] one = KeystorePassword.resolve(dataDir.resolve("one"), null);
        char[] two = KeystorePassword.resolve(dataDir.resolve("two"), null);

        assertThat(one).isNotEqualTo(two);
    }

    @Test
    void existingFileIsReadWithoutItsTrailingNewline() throws Exception {
        Files.writeString(dataDir.resolve("keystore.password"), "set-by-operator\n");

        assertThat(new String(KeystorePassword.resolve(dataDir, null))).isEqualTo("set-by-operator");
    }

    @Test
    void generatedPasswordOpensAKeystoreAcrossRestarts() {
        Path keystore = dataDir.resolve("civis.p12");
        RegistryKeys first = KeystoreFile.openOrCreate(keystore, KeystorePassword.resolve(dataDir, null));

        RegistryKeys second = KeystoreFile.openOrCreate(keystore, KeystorePassword.resolve(dataDir, null));

        assertThat(second.blindIndexKey().getEncoded())
                .isEqualTo(first.blindIndexKey().getEncoded());
    }
}
