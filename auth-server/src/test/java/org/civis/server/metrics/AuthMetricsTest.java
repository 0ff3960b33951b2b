package org.civis.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.Optional;
import org.civis.auth.refusal.AuthError;
import org.civis.auth.request.RequestKind;
import org.junit.jupiter.api.Test;

class AuthMetricsTest {
    private final NodeMetrics metrics = NodeMetrics.create(true);

    private PrometheusText scrape() {
        return PrometheusText.parse(((PrometheusMeterRegistry) metrics.registry()).scrape());
    }

    @Test
    void eachDecisionCountsOnceUnderItsKindOutcomeAndFirstErrorCode() {
        AuthMetrics auth = metrics.auth();

        auth.decided(RequestKind.AUTH, false, Optional.of(AuthError.DEMO_MISMATCH));
        auth.decided(RequestKind.AUTH, false, Optional.of(AuthError.DEMO_MISMATCH));
        auth.decided(RequestKind.AUTH, true, Optional.empty());
        auth.decided(RequestKind.KYC, true, Optional.empty());
        auth.decided(RequestKind.OTP, true, Optional.empty());
        auth.refused(RequestKind.OTP, AuthError.API_KEY_INVALID);

        PrometheusText text = scrape();
        String name = "civis_auth_decisions_total";
        assertThat(text.family(name)).isEqualTo("counter");
        assertThat(text.value(name, Map.of("kind", "auth", "outcome", "refused", "code", "DEMO_MISMATCH")))
                .isEqualTo(2);
        assertThat(text.value(name, Map.of("kind", "auth", "outcome", "authenticated", "code", "NONE")))
                .isEqualTo(1);
        assertThat(text.value(name, Map.of("kind", "kyc", "outcome", "authenticated", "code", "NONE")))
                .isEqualTo(1);
        assertThat(text.value(name, Map.of("kind", "otp", "outcome", "sent", "code", "NONE")))
                .isEqualTo(1);
        assertThat(text.value(name, Map.of("kind", "otp", "outcome", "refused", "code", "API_KEY_INVALID")))
                .isEqualTo(1);
        assertThat(text.find(name, Map.of())).hasSize(5);
    }

    @Test
    void switchedOffNothingIsRecordedAndNoRouteIsAdded() {
        NodeMetrics off = NodeMetrics.create(false);
        off.auth().decided(RequestKind.AUTH, true, Optional.empty());

        assertThat(off.enabled()).isFalse();
        assertThat(off.registry().find("civis.auth.decisions").counters()).allMatch(counter -> counter.count() == 0);
        io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
        try {
            assertThat(off.expose(io.vertx.ext.web.Router.router(vertx)).getRoutes())
                    .isEmpty();
        } finally {
            vertx.close();
        }
    }
}
