package org.civis.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.civis.server.tls.TlsFiles;
import org.junit.jupiter.api.Test;

/** The HTTP settings as {@link ConfigLoader} reads them: limits, timeouts and TLS files. */
class HttpConfigTest {

    @Test
    void defaultsBoundEveryRequestAndServePlainHttp() {
        HttpSettings http = ConfigLoader.load(Map.of()).http();
        assertThat(http.idleTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(http.bodies().requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(http.bodies().small()).isEqualTo(16 * 1024);
        assertThat(http.bodies().large()).isEqualTo(8 * 1024 * 1024);
        assertThat(http.bodies().inFlight()).isEqualTo(256 * 1024 * 1024);
        assertThat(http.publicTls()).isEmpty();
        assertThat(http.adminTls()).isEmpty();
        assertThat(ConfigLoader.load(Map.of()).issuance().publicBaseUrl().getScheme())
                .isEqualTo("http");
    }

    @Test
    void aCertificateIsReadWithItsKeyAndMakesThePublicBaseUrlHttps() {
        CivisConfig config = ConfigLoader.load(Map.of(
                "CIVIS_PUBLIC_TLS_CERT", "tls/public.crt",
                "CIVIS_PUBLIC_TLS_KEY", "tls/public.key",
                "CIVIS_PUBLIC_HOST", "0.0.0.0",
                "CIVIS_PUBLIC_PORT", "8443"));
        assertThat(config.http().publicTls())
                .contains(new TlsFiles(Path.of("tls/public.crt"), Path.of("tls/public.key")));
        assertThat(config.http().adminTls()).isEmpty();
        assertThat(config.issuance().publicBaseUrl()).hasToString("https://0.0.0.0:8443");
    }

    @Test
    void aCertificateWithoutItsKeyIsRefused() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("CIVIS_ADMIN_TLS_CERT", "admin.crt")))
                .hasMessage("CIVIS_ADMIN_TLS_CERT and CIVIS_ADMIN_TLS_KEY must be set together");
    }

    @Test
    void limitsThatCannotHoldTheirLargestBodyAreRefused() {
        assertThatThrownBy(() ->
                        ConfigLoader.load(Map.of("CIVIS_MAX_BODY_BYTES", "4096", "CIVIS_MAX_SMALL_BODY_BYTES", "8192")))
                .hasMessageContaining("CIVIS_MAX_SMALL_BODY_BYTES");
        assertThatThrownBy(() -> ConfigLoader.load(
                        Map.of("CIVIS_MAX_BODY_BYTES", "8388608", "CIVIS_MAX_BUFFERED_BODY_BYTES", "1048576")))
                .hasMessageContaining("CIVIS_MAX_BUFFERED_BODY_BYTES");
    }
}
