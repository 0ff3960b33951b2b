package org.civis.server.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.civis.auth.credential.IssuanceSettings;
import org.civis.core.biometrics.BiometricSettings;
import org.civis.core.storage.PostgresServer;
import org.civis.core.storage.embedded.Durability;
import org.civis.issuer.keys.IssuerKeystore;
import org.civis.server.operator.OperatorSettings;

/**
 * Everything the server is configured with, read and checked once at start by {@link ConfigLoader}.
 * The README's configuration table lists the same settings under their environment names.
 */
public record CivisConfig(
        Path dataDir,
        Optional<String> databaseUrl,
        int databasePoolSize,
        Durability databaseDurability,
        String publicHost,
        int publicPort,
        String adminHost,
        int adminPort,
        int httpInstances,
        HttpSettings http,
        Optional<String> keystorePassword,
        Optional<Path> pkcs11Config,
        Optional<Path> idSchemaFile,
        int uinLength,
        int vidLength,
        Set<String> uinDenyList,
        String hazelcastClusterName,
        String hazelcastBindAddress,
        int hazelcastPort,
        List<String> hazelcastMembers,
        AuthSettings auth,
        BiometricSettings biometrics,
        IssuanceSettings issuance,
        OperatorSettings operators,
        boolean metrics,
        OidcSettings oidc) {

    public CivisConfig {
        databaseUrl = databaseUrl.filter(url -> !url.isBlank());
        keystorePassword = keystorePassword.filter(p -> !p.isBlank());
        uinDenyList = Set.copyOf(uinDenyList);
        hazelcastMembers = List.copyOf(hazelcastMembers);
    }

    public Path keystoreFile() {
        return dataDir.resolve("keystore.p12");
    }

    /** The credential issuer's keys, beside the other keystores, under the same password. */
    public Path issuerKeystoreFile() {
        return dataDir.resolve(IssuerKeystore.FILE_NAME);
    }

    public Path embeddedPostgresDir() {
        return dataDir.resolve("postgres");
    }

    /** The external server when {@code CIVIS_DB_URL} is set, else the embedded one under the data directory. */
    public PostgresServer openDatabase() {
        return databaseUrl
                .map(PostgresServer::external)
                .orElseGet(() -> PostgresServer.embedded(embeddedPostgresDir(), databaseDurability));
    }

    @Override
    public String toString() {
        // The database URL may carry a password and the keystore password is one: neither is shown.
        return "CivisConfig[dataDir=" + dataDir + ", database=" + (databaseUrl.isPresent() ? "external" : "embedded")
                + ", public=" + scheme(http.publicTls().isPresent()) + publicHost + ":" + publicPort
                + ", admin=" + scheme(http.adminTls().isPresent()) + adminHost + ":" + adminPort + "]";
    }

    private static String scheme(boolean tls) {
        return tls ? "https://" : "http://";
    }
}
