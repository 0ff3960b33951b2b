package org.civis.auth;

import java.util.List;

/**
 * Carries the errors of a refused request through a future chain to the point where the answer
 * is built. Internal to the auth services: their callers get an {@link AuthOutcome} value.
 */
public final class AuthRefusal extends RuntimeException {
    private final List<AuthFailure> failures;

    public AuthRefusal(List<AuthFailure> failures) {
        super(failures.get(0).code().name(), null, false, false);
        this.failures = List.copyOf(failures);
    }

    public AuthRefusal(AuthError code) {
        this(List.of(AuthFailure.of(code)));
    }

    public AuthRefusal(AuthError code, String field) {
        this(List.of(AuthFailure.of(code, field)));
    }

    public List<AuthFailure> failures() {
        return failures;
    }
}
