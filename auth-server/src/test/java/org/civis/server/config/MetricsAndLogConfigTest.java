package org.civis.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsAndLogConfigTest {

    @Test
    void metricsAreOnUnlessSwitchedOff() {
        assertThat(ConfigLoader.load(Map.of()).metrics()).isTrue();
        assertThat(ConfigLoader.load(Map.of("CIVIS_METRICS", "false")).metrics())
                .isFalse();
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("CIVIS_METRICS", "off")))
                .hasMessage("CIVIS_METRICS must be true or false");
    }

    @Test
    void theLogFormatIsTextOrJsonAndIsNoUnknownName() {
        assertThatCode(() -> ConfigLoader.checkLogFormat(null)).doesNotThrowAnyException();
        assertThatCode(() -> ConfigLoader.checkLogFormat("json")).doesNotThrowAnyException();
        assertThatCode(() -> ConfigLoader.checkLogFormat("text")).doesNotThrowAnyException();
        assertThatThrownBy(() -> ConfigLoader.checkLogFormat("xml"))
                .hasMessage("CIVIS_LOG_FORMAT must be text or json");
        assertThat(ConfigLoader.unknownNames(Map.of("CIVIS_LOG_FORMAT", "json", "CIVIS_METRICS", "true")))
                .isEmpty();
    }
}
