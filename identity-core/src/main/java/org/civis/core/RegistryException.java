package org.civis.core;

import java.util.List;
import org.civis.core.schema.Violation;

/**
 * A request the registry refuses, with its stable code and, for invalid data, every violation.
 * Messages name no personal data.
 */
public final class RegistryException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final RegistryError code;
    private final transient List<Violation> violations;

    public RegistryException(RegistryError code, String message) {
        this(code, message, List.of());
    }

    public RegistryException(RegistryError code, String message, List<Violation> violations) {
        super(message, null, false, false); // an expected refusal: no stack trace to fill
        this.code = code;
        this.violations = List.copyOf(violations);
    }

    public RegistryError code() {
        return code;
    }

    public List<Violation> violations() {
        return violations;
    }
}
