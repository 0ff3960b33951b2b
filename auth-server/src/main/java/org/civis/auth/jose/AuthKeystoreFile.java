package org.civis.auth.jose;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.util.Objects;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * The auth server's keys in their own password-protected PKCS12 file ({@code auth-keys.p12} in the data directory),
 * generated on first start and reused afterwards. Kept apart from the registry keystore so the partner-facing
 * server can be given these keys without the registry master key. Written like
 * {@code org.civis.core.keys.KeystoreFile}: explicit entry protection, atomic owner-only file.
 */
public final class AuthKeystoreFile {

    public static final String SIGNING_ALIAS = "civis-auth-signing";
    public static final String ENCRYPTION_ALIAS = "civis-auth-encryption";
    public static final String TOKEN_ALIAS = "civis-auth-token";
    public static final String OTP_ALIAS = "civis-auth-otp";
    public static final String CACHE_ALIAS = "civis-auth-cache";

    private static final String KEYSTORE_TYPE = "PKCS12";
    // Named explicitly so a java.security file configured for legacy PKCS12 algorithms cannot weaken new files.
    private static final String ENTRY_PROTECTION = "PBEWithHmacSHA256AndAES_256";
    private static final int SECRET_KEY_BITS = 256;

    private AuthKeystoreFile() {}

    /**
     * Loads the keystore at {@code file}, or creates it with fresh keys if it does not exist. The password array is
     * not modified; the caller clears it.
     *
     * @throws IllegalStateException if the password is wrong or an expected key is missing or malformed
     */
    public static AuthKeys openOrCreate(Path file, char[] password) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(password, "password");
        if (password.length == 0) {
            throw new IllegalArgumentException("keystore password must not be empty");
        }
        try {
            if (Files.exists(file)) {
                return fromKeyStore(load(file, password), password);
            }
            KeyStore created = generate(password);
            ByteArrayOutputStream serialized = new ByteArrayOutputStream();
            created.store(serialized, password);
            OwnerOnlyFiles.writeAtomically(file, serialized.toByteArray());
            return fromKeyStore(created, password);
        } catch (IOException e) {
            throw new UncheckedIOException("auth keystore " + file + " could not be read or written", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("auth keystore " + file + " could not be created", e);
        }
    }

    /**
     * Reads the auth keys from a loaded keystore; generates nothing.
     *
     * @throws IllegalStateException if an entry is missing, of the wrong kind or cannot be recovered
     */
    public static AuthKeys fromKeyStore(KeyStore keyStore, char[] password) {
        Objects.requireNonNull(keyStore, "keyStore");
        KeyStore.PrivateKeyEntry signing = privateEntry(keyStore, SIGNING_ALIAS, password);
        KeyStore.PrivateKeyEntry encryption = privateEntry(keyStore, ENCRYPTION_ALIAS, password);
        return new AuthKeys(
                EntryJwks.ed25519(
                        signing.getPrivateKey(), signing.getCertificate().getPublicKey()),
                EntryJwks.p256(
                        encryption.getPrivateKey(), encryption.getCertificate().getPublicKey()),
                secretKey(keyStore, TOKEN_ALIAS, password),
                secretKey(keyStore, OTP_ALIAS, password),
                secretKey(keyStore, CACHE_ALIAS, password));
    }

    private static KeyStore load(Path file, char[] password) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore keyStore = KeyStore.getInstance(KEYSTORE_TYPE);
            keyStore.load(in, password);
            return keyStore;
        } catch (IOException e) {
            // PKCS12 reports a failed integrity check (wrong password) as an IOException caused by this.
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new IllegalStateException("auth keystore password rejected for " + file, e);
            }
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("auth keystore " + file + " could not be loaded", e);
        }
    }

    private static KeyStore generate(char[] password) throws GeneralSecurityException, IOException {
        SecureRandom random = new SecureRandom();
        KeyStore keyStore = KeyStore.getInstance(KEYSTORE_TYPE);
        keyStore.load(null, null);
        KeyStore.PasswordProtection protection = new KeyStore.PasswordProtection(password, ENTRY_PROTECTION, null);
        try {
            KeyPairGenerator ed25519 = KeyPairGenerator.getInstance("Ed25519");
            ed25519.initialize(NamedParameterSpec.ED25519, random);
            KeyPair signing = ed25519.generateKeyPair();
            keyStore.setEntry(
                    SIGNING_ALIAS,
                    privateEntry(signing, "Ed25519", "Civis auth signing", KeyUsage.digitalSignature, random),
                    protection);
            KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
            ec.initialize(new ECGenParameterSpec("secp256r1"), random);
            keyStore.setEntry(
                    ENCRYPTION_ALIAS,
                    privateEntry(
                            ec.generateKeyPair(),
                            "SHA256withECDSA",
                            "Civis auth encryption",
                            KeyUsage.keyAgreement,
                            random),
                    protection);
            keyStore.setEntry(TOKEN_ALIAS, secretEntry("HmacSHA256", random), protection);
            keyStore.setEntry(OTP_ALIAS, secretEntry("HmacSHA256", random), protection);
            keyStore.setEntry(CACHE_ALIAS, secretEntry("AES", random), protection);
        } finally {
            try {
                protection.destroy();
            } catch (javax.security.auth.DestroyFailedException e) {
                // Only clears a copy of the password; nothing else to do.
            }
        }
        return keyStore;
    }

    private static KeyStore.PrivateKeyEntry privateEntry(
            KeyPair pair, String signatureAlgorithm, String commonName, int keyUsage, SecureRandom random)
            throws GeneralSecurityException {
        Certificate certificate = SelfSignedCertificates.of(pair, signatureAlgorithm, commonName, keyUsage, random);
        return new KeyStore.PrivateKeyEntry(pair.getPrivate(), new Certificate[] {certificate});
    }

    private static KeyStore.SecretKeyEntry secretEntry(String algorithm, SecureRandom random)
            throws GeneralSecurityException {
        KeyGenerator generator = KeyGenerator.getInstance(algorithm);
        generator.init(SECRET_KEY_BITS, random);
        return new KeyStore.SecretKeyEntry(generator.generateKey());
    }

    private static KeyStore.PrivateKeyEntry privateEntry(KeyStore keyStore, String alias, char[] password) {
        if (readEntry(keyStore, alias, password) instanceof KeyStore.PrivateKeyEntry entry) {
            return entry;
        }
        throw new IllegalStateException("auth keystore entry '" + alias + "' is not a private key with certificate");
    }

    private static SecretKey secretKey(KeyStore keyStore, String alias, char[] password) {
        if (readEntry(keyStore, alias, password) instanceof KeyStore.SecretKeyEntry entry) {
            return entry.getSecretKey();
        }
        throw new IllegalStateException("auth keystore entry '" + alias + "' is not a secret key");
    }

    private static KeyStore.Entry readEntry(KeyStore keyStore, String alias, char[] password) {
        try {
            // Never generate a replacement: partners pinned the public keys and cached tokens depend on the secrets.
            if (!keyStore.containsAlias(alias)) {
                throw new IllegalStateException("auth keystore has no entry '" + alias
                        + "'; refusing to generate a replacement because partners and stored data depend on it");
            }
            return keyStore.getEntry(alias, password == null ? null : new KeyStore.PasswordProtection(password));
        } catch (UnrecoverableKeyException e) {
            throw new IllegalStateException("auth keystore password rejected for entry '" + alias + "'", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("auth keystore entry '" + alias + "' could not be read", e);
        }
    }
}
