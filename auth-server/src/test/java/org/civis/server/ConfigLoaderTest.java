package org.civis.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

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
}
