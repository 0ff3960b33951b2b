package org.civis.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.civis.auth.credential.IssuanceSettings;
import org.civis.issuer.keys.SigningAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @Test
    void unknownCivisNamesInTheEnvironmentAreNamedAndOthersAreNot() {
        Map<String, String> environment = Map.of(
                "CIVIS_BIO_GALERY", "false",
                "CIVIS_ADMN_PORT", "9001",
                "CIVIS_BIO_GALLERY", "true",
                "CIVIS_JAVA_OPTS", "-Xmx10g",
                "CIVIS_LOG_LEVEL", "WARN",
                "CIVIS_CONFIG", "civis.properties",
                "PATH", "/usr/bin",
                "civis_lowercase", "x");
        assertThat(ConfigLoader.unknownNames(environment)).containsExactly("CIVIS_ADMN_PORT", "CIVIS_BIO_GALERY");
    }

    @Test
    void defaultsAreLoopbackPortsAndAnEmbeddedDatabaseUnderCivisData() {
        CivisConfig config = ConfigLoader.load(Map.of());
        assertThat(config.publicHost()).isEqualTo("127.0.0.1");
        assertThat(config.publicPort()).isEqualTo(8080);
        assertThat(config.adminHost()).isEqualTo("127.0.0.1");
        assertThat(config.adminPort()).isEqualTo(8081);
        assertThat(config.databaseUrl()).isEmpty();
        assertThat(config.dataDir()).isEqualTo(Path.of("civis-data"));
        assertThat(config.embeddedPostgresDir()).isEqualTo(Path.of("civis-data", "postgres"));
        assertThat(config.hazelcastMembers()).isEmpty();
    }

    @Test
    void theResidentPortalCountsPerClientAddressAndTrustsNoProxyByDefault() {
        AuthSettings defaults = ConfigLoader.load(Map.of()).auth();
        assertThat(defaults.residentOtpPerAddress()).isEqualTo(10);
        assertThat(defaults.residentOtpAddressWindow()).isEqualTo(Duration.ofMinutes(15));
        assertThat(defaults.trustedProxies()).isEmpty();
        AuthSettings proxied = ConfigLoader.load(Map.of("CIVIS_TRUSTED_PROXIES", "10.0.0.1, ::1"))
                .auth();
        assertThat(proxied.trustedProxies()).containsExactlyInAnyOrder("10.0.0.1", "::1");
    }

    @Test
    void theRetiredRecordFlushSettingIsStillAcceptedInTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("civis.properties");
        Files.writeString(file, "CIVIS_AUTH_RECORD_FLUSH_MS=200\n");
        assertThat(ConfigLoader.load(Map.of("CIVIS_CONFIG", file.toString())).auth())
                .isNotNull();
    }

    @Test
    void theEnvironmentWinsOverTheConfigFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("civis.properties");
        Files.writeString(file, "CIVIS_ADMIN_PORT=9001\nCIVIS_UIN_LENGTH=12\nCIVIS_HZ_MEMBERS=10.0.0.5, 10.0.0.6\n");
        CivisConfig config = ConfigLoader.load(Map.of("CIVIS_CONFIG", file.toString(), "CIVIS_ADMIN_PORT", "9100"));
        assertThat(config.adminPort()).isEqualTo(9100);
        assertThat(config.uinLength()).isEqualTo(12);
        assertThat(config.hazelcastMembers()).containsExactly("10.0.0.5", "10.0.0.6");
    }

    @Test
    void aTypoInTheConfigFileIsAnErrorNotASilentDefault(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("civis.properties");
        Files.writeString(file, "CIVIS_ADMN_PORT=9001\n");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("CIVIS_CONFIG", file.toString())))
                .hasMessageContaining("CIVIS_ADMN_PORT");
    }

    @Test
    void aNodeHoldsTheFingerprintGalleryUnlessToldItOnlyAuthenticates() {
        assertThat(ConfigLoader.load(Map.of()).biometrics().holdsGallery()).isTrue();
        assertThat(ConfigLoader.load(Map.of("CIVIS_BIO_GALLERY", "false"))
                        .biometrics()
                        .holdsGallery())
                .isFalse();
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("CIVIS_BIO_GALLERY", "no")))
                .hasMessageContaining("CIVIS_BIO_GALLERY");
    }

    @Test
    void outOfRangeAndNonNumericValuesAreRefusedByName() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("CIVIS_UIN_LENGTH", "7")))
                .hasMessageContaining("CIVIS_UIN_LENGTH");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("CIVIS_PUBLIC_PORT", "eighty")))
                .hasMessageContaining("CIVIS_PUBLIC_PORT");
    }

    @Test
    void secretsNeverAppearInTheTextForm() {
        CivisConfig config = ConfigLoader.load(Map.of(
                "CIVIS_DB_URL",
                "postgresql://civis:hunter2@db:5432/civis",
                "CIVIS_KEYSTORE_PASSWORD",
                "correct-horse"));
        assertThat(config.toString())
                .doesNotContain("hunter2")
                .doesNotContain("correct-horse")
                .contains("external");
    }

    @Test
    void credentialsDefaultToEd25519FiveYearsAndStatusListsUnderThePublicListener() {
        IssuanceSettings issuance =
                ConfigLoader.load(Map.of("CIVIS_PUBLIC_PORT", "9080")).issuance();
        assertThat(issuance.algorithm()).isEqualTo(SigningAlgorithm.EDDSA);
        assertThat(issuance.credentialValidity()).isEqualTo(Duration.ofDays(1826));
        assertThat(issuance.publicBaseUrl()).hasToString("http://127.0.0.1:9080");
        assertThat(issuance.issuerId()).isEqualTo("http://127.0.0.1:9080");
        assertThat(issuance.statusListUri(3)).isEqualTo("http://127.0.0.1:9080/statuslists/3");
        assertThat(issuance.statusListTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(issuance.statusListValidity()).isEqualTo(Duration.ofDays(7));
        assertThat(issuance.statusListRefresh()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void issuanceSettingsAreReadAndCheckedByName() {
        IssuanceSettings issuance = ConfigLoader.load(Map.of(
                        "CIVIS_PUBLIC_BASE_URL", "https://id.example.org/",
                        "CIVIS_ISSUER_ID", "https://id.example.org",
                        "CIVIS_ISSUER_NAME", "Republic of Example",
                        "CIVIS_ISSUER_ALG", "es256",
                        "CIVIS_CREDENTIAL_VALIDITY_DAYS", "365"))
                .issuance();
        assertThat(issuance.algorithm()).isEqualTo(SigningAlgorithm.ES256);
        assertThat(issuance.statusListUri(1)).isEqualTo("https://id.example.org/statuslists/1");
        assertThat(issuance.issuerName()).isEqualTo("Republic of Example");
        assertThat(issuance.credentialValidity()).isEqualTo(Duration.ofDays(365));
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("CIVIS_ISSUER_ALG", "RS256")))
                .hasMessageContaining("CIVIS_ISSUER_ALG");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("CIVIS_PUBLIC_BASE_URL", "id.example.org")))
                .hasMessageContaining("CIVIS_PUBLIC_BASE_URL");
        assertThatThrownBy(() -> ConfigLoader.load(
                        Map.of("CIVIS_STATUS_LIST_TTL_SECONDS", "7200", "CIVIS_STATUS_LIST_VALIDITY_SECONDS", "3600")))
                .hasMessageContaining("CIVIS_STATUS_LIST_VALIDITY_SECONDS");
    }
}
