package org.civis.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import org.civis.core.enrollment.EnrollmentStatus;

/**
 * Counts enrollment outcomes on this node: {@code civis_enrollments_total{step, status}}, where
 * {@code step} is {@code enroll} or {@code adjudicate} and {@code status} the outcome's status.
 */
public final class EnrollmentMetrics {
    /** Which admin operation produced the outcome. */
    public enum Step {
        ENROLL,
        ADJUDICATE
    }

    private final MeterProvider<Counter> outcomes;

    EnrollmentMetrics(MeterRegistry registry) {
        this.outcomes = Counter.builder("civis.enrollments")
                .description("Enrollment outcomes by admin operation and status")
                .withRegistry(registry);
    }

    public void outcome(Step step, EnrollmentStatus status) {
        outcomes.withTags("step", label(step), "status", label(status)).increment();
    }

    private static String label(Step step) {
        return switch (step) {
            case ENROLL -> "enroll";
            case ADJUDICATE -> "adjudicate";
        };
    }

    private static String label(EnrollmentStatus status) {
        return switch (status) {
            case ISSUED -> "issued";
            case DUPLICATE_SUSPECTED -> "duplicate_suspected";
            case REJECTED -> "rejected";
        };
    }
}
