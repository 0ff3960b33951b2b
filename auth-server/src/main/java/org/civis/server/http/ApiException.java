package org.civis.server.http;

import java.util.List;
import org.civis.core.schema.Violation;

/** A request refused at the HTTP layer, carried to the failure handler. */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ApiError error;
    private final transient List<Violation> violations;

    public ApiException(ApiError error) {
        this(error, error.message(), List.of());
    }

    public ApiException(ApiError error, String message, List<Violation> violations) {
        super(message, null, false, false);
        this.error = error;
        this.violations = List.copyOf(violations);
    }

    public ApiError error() {
        return error;
    }

    public List<Violation> violations() {
        return violations;
    }
}
