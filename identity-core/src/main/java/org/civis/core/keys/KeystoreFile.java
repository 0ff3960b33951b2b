package org.civis.core.keys;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.util.Objects;
import javax.crypto.SecretKey;
import org.civis.core.crypto.KeyStoreMasterKey;

/**
 * The registry's keys in a password-protected PKCS12 file, generated on first start and reused afterwards, or
 * read from a keystore the caller has already loaded (for example a PKCS#11 token through SunPKCS11).
 */
public final class KeystoreFile {

    /** Alias of the master key-encryption key, also its key id; rotation adds {@code -2}, {@code -3}, ... */
    public static final String MASTER_KEY_ALIAS = "civis-master-kek-1";

    public static final String BLIND_INDEX_ALIAS = "civis-blind-index";
    public static final String AUDIT_CHAIN_ALIAS = "civis-audit-chain";

    private KeystoreFile() {}

    /**
     * Loads the keystore at {@code file}, or creates it with fresh keys if it does not exist. The password array
     * is not modified; the caller clears it.
     *
     * @throws IllegalStateException if the password is wrong or an expected key is missing
     */
    public static RegistryKeys openOrCreate(Path file, char[] password) {
        return Pkcs12Files.openOrCreate(file, password, KeystoreFile::generate, KeystoreFile::fromKeyStore);
    }

    /**
     * Reads the registry's keys from a loaded keystore; generates nothing. {@code password} protects the entries
     * and may be null for a token whose keys need no entry password.
     *
     * @throws IllegalStateException if an expected key is missing or cannot be recovered
     */
    public static RegistryKeys fromKeyStore(KeyStore keyStore, char[] password) {
        Objects.requireNonNull(keyStore, "keyStore");
        return new RegistryKeys(
                new KeyStoreMasterKey(MASTER_KEY_ALIAS, secretKey(keyStore, MASTER_KEY_ALIAS, password)),
                secretKey(keyStore, BLIND_INDEX_ALIAS, password),
                secretKey(keyStore, AUDIT_CHAIN_ALIAS, password));
    }

    private static KeyStore generate(char[] password) throws GeneralSecurityException, IOException {
        SecureRandom random = new SecureRandom();
        KeyStore keyStore = Pkcs12Files.empty();
        KeyStore.PasswordProtection protection = Pkcs12Files.entryProtection(password);
        try {
            keyStore.setEntry(MASTER_KEY_ALIAS, Pkcs12Files.newSecretEntry("AES", random), protection);
            keyStore.setEntry(BLIND_INDEX_ALIAS, Pkcs12Files.newSecretEntry("HmacSHA256", random), protection);
            keyStore.setEntry(AUDIT_CHAIN_ALIAS, Pkcs12Files.newSecretEntry("HmacSHA256", random), protection);
        } finally {
            Pkcs12Files.destroyQuietly(protection);
        }
        return keyStore;
    }

    private static SecretKey secretKey(KeyStore keyStore, String alias, char[] password) {
        try {
            // Never generate a replacement for a missing key: a new master key would make every stored record
            // unreadable, and a new blind-index key would silently stop every lookup from matching.
            if (!keyStore.containsAlias(alias)) {
                throw new IllegalStateException("keystore has no entry '" + alias
                        + "'; refusing to generate a replacement because existing data depends on the original key");
            }
            Key key = keyStore.getKey(alias, password);
            if (!(key instanceof SecretKey secretKey)) {
                throw new IllegalStateException("keystore entry '" + alias + "' is not a secret key");
            }
            return secretKey;
        } catch (UnrecoverableKeyException e) {
            throw new IllegalStateException("keystore password rejected for entry '" + alias + "'", e);
        } catch (KeyStoreException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("keystore entry '" + alias + "' could not be read", e);
        }
    }
}
