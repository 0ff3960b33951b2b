package org.civis.auth.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.jwk.KeyUse;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthKeystoreFileTest {

    @TempDir
    Path dataDir;

    private Path keystore() {
        return dataDir.resolve("auth-keys.p12");
    }

    @Test
    void createsAnOwnerOnlyFileAndReopeningItGivesTheSameKeys() throws Exception {
        assumeTrue(dataDir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        AuthKeys first = AuthKeystoreFile.openOrCreate(keystore(), password());
        byte[] fileBefore = Files.readAllBytes(keystore());

        AuthKeys second = AuthKeystoreFile.openOrCreate(keystore(), password());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore())))
                .isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(dataDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("auth-keys.p12");
        }
        assertThat(second.signingKey()).isEqualTo(first.signingKey());
        assertThat(second.signingKey().getD()).isEqualTo(first.signingKey().getD());
        assertThat(second.encryptionKey()).isEqualTo(first.encryptionKey());
        assertThat(second.encryptionKey().getD())
                .isEqualTo(first.encryptionKey().getD());
        assertThat(second.tokenKey().getEncoded()).isEqualTo(first.tokenKey().getEncoded());
        assertThat(second.otpKey().getEncoded()).isEqualTo(first.otpKey().getEncoded());
        assertThat(second.cacheKey().getEncoded()).isEqualTo(first.cacheKey().getEncoded());
        assertThat(Files.readAllBytes(keystore())).isEqualTo(fileBefore);
    }

    @Test
    void keysHaveThumbprintKidsUsesAndTheDocumentedSizes() throws Exception {
        AuthKeys keys = AuthKeystoreFile.openOrCreate(keystore(), password());

        assertThat(keys.signingKey().getKeyID())
                .isEqualTo(keys.signingKey().computeThumbprint().toString());
        assertThat(keys.signingKey().getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
        assertThat(keys.encryptionKey().getKeyID())
                .isEqualTo(keys.encryptionKey().computeThumbprint().toString());
        assertThat(keys.encryptionKey().getKeyUse()).isEqualTo(KeyUse.ENCRYPTION);
        assertThat(keys.tokenKey().getAlgorithm()).isEqualToIgnoringCase("HmacSHA256");
        assertThat(keys.otpKey().getAlgorithm()).isEqualToIgnoringCase("HmacSHA256");
        assertThat(keys.cacheKey().getAlgorithm()).isEqualToIgnoringCase("AES");
        assertThat(List.of(keys.tokenKey(), keys.otpKey(), keys.cacheKey()))
                .allSatisfy(k -> assertThat(k.getEncoded()).hasSize(32));
        assertThat(keys.tokenKey().getEncoded()).isNotEqualTo(keys.otpKey().getEncoded());
    }

    @Test
    void privateKeysAreStoredWithSelfSignedCertificatesAndSecretsAsSecretKeyEntries() throws Exception {
        AuthKeystoreFile.openOrCreate(keystore(), password());
        KeyStore onDisk = loadPkcs12(keystore(), password());
        KeyStore.PasswordProtection protection = new KeyStore.PasswordProtection(password());

        X509Certificate signing = (X509Certificate) onDisk.getCertificate(AuthKeystoreFile.SIGNING_ALIAS);
        X509Certificate encryption = (X509Certificate) onDisk.getCertificate(AuthKeystoreFile.ENCRYPTION_ALIAS);
        signing.verify(signing.getPublicKey());
        encryption.verify(encryption.getPublicKey());
        assertThat(signing.getSigAlgName()).isEqualToIgnoringCase("Ed25519");
        assertThat(encryption.getSigAlgName()).isEqualToIgnoringCase("SHA256withECDSA");
        assertThat(onDisk.getEntry(AuthKeystoreFile.SIGNING_ALIAS, protection))
                .isInstanceOf(KeyStore.PrivateKeyEntry.class);
        assertThat(onDisk.getEntry(AuthKeystoreFile.ENCRYPTION_ALIAS, protection))
                .isInstanceOf(KeyStore.PrivateKeyEntry.class);
        for (String alias :
                List.of(AuthKeystoreFile.TOKEN_ALIAS, AuthKeystoreFile.OTP_ALIAS, AuthKeystoreFile.CACHE_ALIAS)) {
            assertThat(onDisk.getEntry(alias, protection)).isInstanceOf(KeyStore.SecretKeyEntry.class);
        }
    }

    @Test
    void aSignatureMadeWithTheOctetKeyPairVerifiesWithTheCertificatePublicKey() throws Exception {
        AuthKeys keys = AuthKeystoreFile.openOrCreate(keystore(), password());
        X509Certificate certificate =
                (X509Certificate) loadPkcs12(keystore(), password()).getCertificate(AuthKeystoreFile.SIGNING_ALIAS);
        JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.EdDSA), new Payload("{\"answer\":42}"));
        jws.sign(new Ed25519Signer(keys.signingKey()));

        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(certificate.getPublicKey());
        jdk.update(jws.getSigningInput());
        assertThat(jdk.verify(jws.getSignature().decode())).isTrue();

        jdk.initVerify(certificate.getPublicKey());
        jdk.update("{\"answer\":43}".getBytes(StandardCharsets.UTF_8));
        assertThat(jdk.verify(jws.getSignature().decode())).isFalse();
    }

    @Test
    void wrongPasswordIsRefusedNamingTheFileButNotThePassword() {
        AuthKeystoreFile.openOrCreate(keystore(), password());
        char[] wrong = "hunter2-not-the-password".toCharArray();

        assertThatThrownBy(() -> AuthKeystoreFile.openOrCreate(keystore(), wrong))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("password rejected")
                .hasMessageContaining(keystore().toString())
                .satisfies(e -> assertThat(messagesOf(e))
                        .noneMatch(m -> m.contains("hunter2") || m.contains(new String(password()))));
    }

    @Test
    void aMissingEntryIsRefusedRatherThanRegenerated() throws Exception {
        AuthKeystoreFile.openOrCreate(keystore(), password());
        KeyStore partial = loadPkcs12(keystore(), password());
        partial.deleteEntry(AuthKeystoreFile.OTP_ALIAS);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        partial.store(out, password());
        Files.write(keystore(), out.toByteArray());

        assertThatThrownBy(() -> AuthKeystoreFile.openOrCreate(keystore(), password()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(AuthKeystoreFile.OTP_ALIAS)
                .hasMessageContaining("refusing to generate");
        assertThat(Files.readAllBytes(keystore())).isEqualTo(out.toByteArray());
    }

    @Test
    void toStringShowsKeyIdsButNoKeyMaterial() {
        AuthKeys keys = AuthKeystoreFile.openOrCreate(keystore(), password());
        Base64.Encoder base64 = Base64.getEncoder();
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();

        assertThat(keys.toString())
                .contains(keys.signingKey().getKeyID(), keys.encryptionKey().getKeyID())
                .doesNotContain(keys.signingKey().getD().toString())
                .doesNotContain(keys.encryptionKey().getD().toString())
                .doesNotContain(base64.encodeToString(keys.tokenKey().getEncoded()))
                .doesNotContain(base64url.encodeToString(keys.otpKey().getEncoded()))
                .doesNotContain(base64url.encodeToString(keys.cacheKey().getEncoded()))
                .doesNotContain("\"d\"");
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

    private static List<String> messagesOf(Throwable error) {
        Stream.Builder<String> messages = Stream.builder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        return messages.build().toList();
    }
}
