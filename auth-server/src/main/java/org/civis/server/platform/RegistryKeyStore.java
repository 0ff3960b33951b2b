package org.civis.server.platform;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import org.civis.auth.keys.AuthKeys;
import org.civis.auth.keys.AuthKeystoreFile;
import org.civis.core.keys.KeystoreFile;
import org.civis.core.keys.KeystorePassword;
import org.civis.core.keys.RegistryKeys;
import org.civis.issuer.keys.IssuerKeystore;
import org.civis.oidc.token.ProviderKeys;
import org.civis.server.config.CivisConfig;

/**
 * Opens the registry's keys: from a PKCS#11 token when one is configured (production), else from
 * the keystore file in the data directory, created with fresh keys on first start.
 */
public final class RegistryKeyStore {
    private RegistryKeyStore() {}

    public static RegistryKeys open(CivisConfig config) {
        char[] password = KeystorePassword.resolve(
                config.dataDir(), config.keystorePassword().orElse(null));
        if (config.pkcs11Config().isPresent()) {
            return fromToken(config, password);
        }
        return KeystoreFile.openOrCreate(config.keystoreFile(), password);
    }

    /**
     * The auth server's own keys (response signing, factor decryption, pseudonymous tokens, OTP
     * digests, cache sealing) in {@code auth-keys.p12} beside the registry keystore, under the same
     * password; created on first start. Keep it: a new token key changes every partner's tokens.
     */
    public static AuthKeys openAuthKeys(CivisConfig config) {
        char[] password = KeystorePassword.resolve(
                config.dataDir(), config.keystorePassword().orElse(null));
        try {
            return AuthKeystoreFile.openOrCreate(config.dataDir().resolve("auth-keys.p12"), password);
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    /**
     * The OpenID provider's signing keys, kept in {@code auth-keys.p12} with the other auth keys
     * (added to it on first open; open the auth keys first, which create the file).
     */
    public static ProviderKeys openProviderKeys(CivisConfig config) {
        char[] password = KeystorePassword.resolve(
                config.dataDir(), config.keystorePassword().orElse(null));
        try {
            return ProviderKeys.open(config.dataDir().resolve("auth-keys.p12"), password);
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    /**
     * The credential issuer's keys in {@code issuer-keys.p12} beside the other keystores, under the
     * same password; created on first start with a key of the configured algorithm. Keep it: cards
     * in wallets were signed by its keys. Nodes that issue must share it (one file on shared
     * storage, or the same file copied after each rotation).
     */
    public static IssuerKeystore openIssuerKeys(CivisConfig config) {
        char[] password = KeystorePassword.resolve(
                config.dataDir(), config.keystorePassword().orElse(null));
        try {
            return IssuerKeystore.openOrCreate(
                    config.issuerKeystoreFile(),
                    password,
                    config.issuance().algorithm(),
                    config.issuance().issuerName());
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    /** The keys must already be on the token under the documented aliases: nothing is generated there. */
    private static RegistryKeys fromToken(CivisConfig config, char[] pin) {
        try {
            Provider provider = Security.getProvider("SunPKCS11")
                    .configure(config.pkcs11Config().get().toString());
            Security.addProvider(provider);
            KeyStore token = KeyStore.getInstance("PKCS11", provider);
            token.load(null, pin);
            return KeystoreFile.fromKeyStore(token, pin);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot open the PKCS#11 token named in CIVIS_PKCS11_CONFIG", e);
        }
    }
}
