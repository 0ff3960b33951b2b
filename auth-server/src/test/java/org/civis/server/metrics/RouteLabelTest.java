package org.civis.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteLabelTest {

    @Test
    void theRouteThatAnsweredNamesTheRequest() {
        assertThat(RouteLabel.tidy("/v1/identities/:uin>/v1/identities/:uin")).isEqualTo("/v1/identities/:uin");
        assertThat(RouteLabel.tidy("/v1/>/v1/identities/:uin>/v1/identities/:uin"))
                .isEqualTo("/v1/identities/:uin");
        assertThat(RouteLabel.tidy("/v1/resident/me/*>/v1/resident/me/history")).isEqualTo("/v1/resident/me/history");
        assertThat(RouteLabel.tidy("/health/ready")).isEqualTo("/health/ready");
    }

    @Test
    void aRequestNoRouteMatchedIsLabelledUnmatched() {
        assertThat(RouteLabel.tidy("")).isEqualTo(RouteLabel.UNMATCHED);
    }

    @Test
    void theFilterRewritesOnlyTheRouteTag() {
        NodeMetrics metrics = NodeMetrics.create(true);
        Counter.builder("vertx.http.server.requests")
                .tags("route", "/v1/vids/:vid>/v1/vids/:vid", "code", "200")
                .register(metrics.registry())
                .increment();

        PrometheusText text = PrometheusText.parse(
                ((io.micrometer.prometheusmetrics.PrometheusMeterRegistry) metrics.registry()).scrape());

        assertThat(text.value("vertx_http_server_requests_total", Map.of("route", "/v1/vids/:vid", "code", "200")))
                .isEqualTo(1);
    }
}
