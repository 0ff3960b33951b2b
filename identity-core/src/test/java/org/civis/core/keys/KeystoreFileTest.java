package org.civis.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.civis.core.crypto.BlindIndex;
import org.civis.core.crypto.EnvelopeCipher;
import org.civis.core.crypto.KeyStoreMasterKey;
import org.civis.core.crypto.SealedRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeystoreFileTest {

    private static final byte[] ROW = "uin=4821-0093-1177;v=1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PLAINTEXT = "Amina Okafor".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dataDir;

    private Path keystore() {
        return dataDir.resolve("keys").resolve("civis.p12");
    }

    @Test
    void createsTheKeystoreInANewDirectoryReadableOnlyByTheOwner() throws Exception {
        assumeTrue(dataDir.getFileSystem().supportedFileAttributeViews().contains("posix"));

        KeystoreFile.openOrCreate(keystore(), password());

        assertThat(keystore().getParent()).isDirectory();
        assertThat(keystore()).isRegularFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore())))
                .isEqualTo("rw-------");
    }

    @Test
    void noTemporaryFilesRemainAfterCreation() throws Exception {
        KeystoreFile.openOrCreate(keystore(), password());

        try (Stream<Path> files = Files.list(keystore().getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("civis.p12");
        }
    }

    @Test
    void generatedKeysHaveTheDocumentedAliasesAlgorithmsAndSizes() throws Exception {
        RegistryKeys keys = KeystoreFile.openOrCreate(keystore(), password());
        KeyStore onDisk = loadPkcs12(keystore(), password());

        assertThat(keys.masterKey().id()).isEqualTo("civis-master-kek-1");
        assertThat(onDisk.getKey("civis-master-kek-1", password()).getAlgorithm())
                .isEqualToIgnoringCase("AES");
        assertThat(onDisk.getKey("civis-master-kek-1", password()).getEncoded()).hasSize(32);
        assertThat(keys.blindIndexKey().getAlgorithm()).isEqualToIgnoringCase("HmacSHA256");
        assertThat(keys.blindIndexKey().getEncoded()).hasSize(32);
        assertThat(keys.auditKey().getAlgorithm()).isEqualToIgnoringCase("HmacSHA256");
        assertThat(keys.auditKey().getEncoded()).hasSize(32);
        assertThat(keys.auditKey().getEncoded())
                .isNotEqualTo(keys.blindIndexKey().getEncoded());
    }

    @Test
    void reopeningAfterARestartReturnsTheSameKeys() throws Exception {
        RegistryKeys first = KeystoreFile.openOrCreate(keystore(), password());
        SealedRecord sealed = new EnvelopeCipher(first.masterKey()).seal(PLAINTEXT, ROW);
        byte[] digest = new BlindIndex(first.blindIndexKey()).digest("phone", "+2348031234567");
        byte[] auditTag = hmac(first.auditKey(), "entry-1");
        byte[] fileBefore = Files.readAllBytes(keystore());

        RegistryKeys second = KeystoreFile.openOrCreate(keystore(), password());

        assertThat(second.masterKey().id()).isEqualTo(first.masterKey().id());
        assertThat(new EnvelopeCipher(second.masterKey()).open(sealed, ROW)).isEqualTo(PLAINTEXT);
        assertThat(new BlindIndex(second.blindIndexKey()).digest("phone", "+2348031234567"))
                .isEqualTo(digest);
        assertThat(hmac(second.auditKey(), "entry-1")).isEqualTo(auditTag);
        assertThat(Files.readAllBytes(keystore())).isEqualTo(fileBefore);
    }

    @Test
    void wrongPasswordFailsWithoutRevealingIt() throws Exception {
        KeystoreFile.openOrCreate(keystore(), password());
        char[] wrong = "hunter2-not-the-password".toCharArray();

        assertThatThrownBy(() -> KeystoreFile.openOrCreate(keystore(), wrong))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("keystore password rejected")
                .satisfies(e -> assertThat(messagesOf(e))
                        .noneMatch(m -> m.contains("hunter2") || m.contains(new String(password()))));
    }

    @Test
    void keystoreMissingAnAliasIsRefusedRatherThanRegenerated() throws Exception {
        KeyStore partial = KeyStore.getInstance("PKCS12");
        partial.load(null, null);
        KeyStore.PasswordProtection protection = new KeyStore.PasswordProtection(password());
        partial.setEntry("civis-master-kek-1", new KeyStore.SecretKeyEntry(newKey("AES")), protection);
        partial.setEntry("civis-audit-chain", new KeyStore.SecretKeyEntry(newKey("HmacSHA256")), protection);
        Files.createDirectories(keystore().getParent());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        partial.store(out, password());
        Files.write(keystore(), out.toByteArray());

        assertThatThrownBy(() -> KeystoreFile.openOrCreate(keystore(), password()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("civis-blind-index")
                .hasMessageContaining("refusing to generate");
        assertThat(Files.readAllBytes(keystore())).isEqualTo(out.toByteArray());
        assertThat(loadPkcs12(keystore(), password()).containsAlias("civis-blind-index"))
                .isFalse();
    }

    @Test
    void fromKeyStoreReadsTheKeysOfAnInMemoryKeystore() throws Exception {
        SecretKey kek = newKey("AES");
        SecretKey blind = newKey("HmacSHA256");
        SecretKey audit = newKey("HmacSHA256");
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        KeyStore.PasswordProtection protection = new KeyStore.PasswordProtection(password());
        keyStore.setEntry("civis-master-kek-1", new KeyStore.SecretKeyEntry(kek), protection);
        keyStore.setEntry("civis-blind-index", new KeyStore.SecretKeyEntry(blind), protection);
        keyStore.setEntry("civis-audit-chain", new KeyStore.SecretKeyEntry(audit), protection);

        RegistryKeys keys = KeystoreFile.fromKeyStore(keyStore, password());

        SealedRecord sealed = new EnvelopeCipher(keys.masterKey()).seal(PLAINTEXT, ROW);
        EnvelopeCipher withOriginalKek = new EnvelopeCipher(new KeyStoreMasterKey("civis-master-kek-1", kek));
        assertThat(keys.masterKey().id()).isEqualTo("civis-master-kek-1");
        assertThat(withOriginalKek.open(sealed, ROW)).isEqualTo(PLAINTEXT);
        assertThat(keys.blindIndexKey().getEncoded()).isEqualTo(blind.getEncoded());
        assertThat(keys.auditKey().getEncoded()).isEqualTo(audit.getEncoded());
    }

    @Test
    void fromKeyStoreGeneratesNothingForAMissingAlias() throws Exception {
        KeyStore empty = KeyStore.getInstance("PKCS12");
        empty.load(null, null);

        assertThatThrownBy(() -> KeystoreFile.fromKeyStore(empty, password()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("civis-master-kek-1");
        assertThat(empty.size()).isZero();
    }

    @Test
    void registryKeysToStringShowsNoKeyBytes() {
        RegistryKeys keys = KeystoreFile.openOrCreate(keystore(), password());

        assertThat(keys.toString())
                .isEqualTo("RegistryKeys[masterKey=civis-master-kek-1, blindIndexKey=HmacSHA256, auditKey=HmacSHA256]");
    }

    private static char[] password() {
        return "correct horse battery staple".toCharArray();
    }

    private static KeyStore loadPkcs12(Path file, char[] password) throws Exception {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            keyStore.load(in, password);
        }
        return keyStore;
    }

    private static SecretKey newKey(String algorithm) throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance(algorithm);
        generator.init(256);
        return generator.generateKey();
    }

    private static byte[] hmac(SecretKey key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(key);
        return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> messagesOf(Throwable error) {
        Stream.Builder<String> messages = Stream.builder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        return messages.build().toList();
    }
}
