package org.civis.auth.keys;

import java.io.IOException;
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
import javax.crypto.SecretKey;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.civis.core.keys.Pkcs12Files;
import org.civis.core.keys.SelfSignedCertificates;

/**
 * The auth server's keys in their own password-protected PKCS12 file ({@code auth-keys.p12} in the data directory),
 * generated on first start and reused afterwards. Kept apart from the registry keystore so the partner-facing
 * server can be given these keys without the registry master key. The file handling is the registry keystore's
 * ({@link Pkcs12Files}): explicit entry protection, atomic owner-only file.
 */
public final class AuthKeystoreFile {

    public static final String SIGNING_ALIAS = "civis-auth-signing";
    public static final String ENCRYPTION_ALIAS = "civis-auth-encryption";
    public static final String TOKEN_ALIAS = "civis-auth-token";
    public static final String OTP_ALIAS = "civis-auth-otp";
    public static final String CACHE_ALIAS = "civis-auth-cache";

    private AuthKeystoreFile() {}

    /**
     * Loads the keystore at {@code file}, or creates it with fresh keys if it does not exist. The password array is
     * not modified; the caller clears it.
     *
     * @throws IllegalStateException if the password is wrong or an expected key is missing or malformed
     */
    public static AuthKeys openOrCreate(Path file, char[] password) {
        return Pkcs12Files.openOrCreate(file, password, AuthKeystoreFile::generate, AuthKeystoreFile::fromKeyStore);
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

    private static KeyStore generate(char[] password) throws GeneralSecurityException, IOException {
        SecureRandom random = new SecureRandom();
        KeyStore keyStore = Pkcs12Files.empty();
        KeyStore.PasswordProtection protection = Pkcs12Files.entryProtection(password);
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
            keyStore.setEntry(TOKEN_ALIAS, Pkcs12Files.newSecretEntry("HmacSHA256", random), protection);
            keyStore.setEntry(OTP_ALIAS, Pkcs12Files.newSecretEntry("HmacSHA256", random), protection);
            keyStore.setEntry(CACHE_ALIAS, Pkcs12Files.newSecretEntry("AES", random), protection);
        } finally {
            Pkcs12Files.destroyQuietly(protection);
        }
        return keyStore;
    }

    private static KeyStore.PrivateKeyEntry privateEntry(
            KeyPair pair, String signatureAlgorithm, String commonName, int keyUsage, SecureRandom random)
            throws GeneralSecurityException {
        Certificate certificate = SelfSignedCertificates.of(pair, signatureAlgorithm, commonName, keyUsage, random);
        return new KeyStore.PrivateKeyEntry(pair.getPrivate(), new Certificate[] {certificate});
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
