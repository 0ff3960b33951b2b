package org.civis.perf.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunSummaryTest {
    @Test
    void withoutFailuresEveryAnswerMustBeARow() {
        GatlingReport.Stats auth = new GatlingReport.Stats(1_000, 1_000, 0, 0, 0, 0);

        assertThat(RunSummary.recordedLine(1_000, auth))
                .contains("1,000 auth requests answered")
                .endsWith("equal\n");
        assertThat(RunSummary.recordedLine(999, auth)).contains("NOT EQUAL");
    }

    @Test
    void requestsThatFailedAreCountedApartFromTheAnswers() {
        // 46 requests never reached the server (the generator ran out of file descriptors), say.
        GatlingReport.Stats auth = new GatlingReport.Stats(1_000, 954, 46, 0, 0, 0);

        assertThat(RunSummary.recordedLine(954, auth))
                .contains("954 auth requests answered as expected and 46 failed")
                .contains("every expected answer recorded");
        assertThat(RunSummary.recordedLine(1_000, auth)).contains("every expected answer recorded");
        assertThat(RunSummary.recordedLine(953, auth)).contains("INCONSISTENT");
        assertThat(RunSummary.recordedLine(1_001, auth)).contains("INCONSISTENT");
    }

    @Test
    void theTokenBurstRateIsItsCountOverItsOwnWallTime() {
        java.util.Properties generator = new java.util.Properties();
        generator.setProperty("tokenBurstRequests", "4000");
        generator.setProperty("tokenBurstSeconds", "2.500");

        assertThat(RunSummary.burstRate(generator)).isEqualTo(1_600.0);
        assertThat(RunSummary.burstRate(new java.util.Properties())).isZero();
    }
}
