package org.civis.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.civis.auth.refusal.AuthError;
import org.civis.auth.request.RequestKind;

/**
 * Counts the partner API's decisions: {@code civis_auth_decisions_total{kind, outcome, code}}.
 * {@code code} is the first error's catalogue code ({@code NONE} when there is none), so the label
 * takes a fixed set of values. The partner is deliberately not a label: partners are many and
 * their ids grow the series without bound; the transaction table answers per-partner questions.
 */
public final class AuthMetrics {
    static final String NO_ERROR = "NONE";

    private final MeterProvider<Counter> decisions;

    AuthMetrics(MeterRegistry registry) {
        this.decisions = Counter.builder("civis.auth.decisions")
                .description("Partner API answers by operation, outcome and first error code")
                .withRegistry(registry);
    }

    /**
     * One answered request. {@code yes} is "authenticated" for AUTH and KYC and "sent" for OTP;
     * {@code firstError} is the first error of the answer, refusals at the gate included.
     */
    public void decided(RequestKind kind, boolean yes, Optional<AuthError> firstError) {
        decisions
                .withTags(
                        "kind", label(kind),
                        "outcome", outcome(kind, yes),
                        "code", firstError.map(AuthError::name).orElse(NO_ERROR))
                .increment();
    }

    /** A request refused before it was decided (at the gate): {@code decided(kind, false, error)}. */
    public void refused(RequestKind kind, AuthError error) {
        decided(kind, false, Optional.of(error));
    }

    private static String label(RequestKind kind) {
        return switch (kind) {
            case AUTH -> "auth";
            case KYC -> "kyc";
            case OTP -> "otp";
        };
    }

    private static String outcome(RequestKind kind, boolean yes) {
        if (!yes) {
            return "refused";
        }
        return switch (kind) {
            case AUTH, KYC -> "authenticated";
            case OTP -> "sent";
        };
    }
}
