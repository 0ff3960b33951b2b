package org.civis.core.refusal;

import java.util.List;
import java.util.Objects;
import org.civis.core.schema.Violation;

/**
 * A refused request: its stable code and, for invalid data, every violation. Messages name no
 * personal data.
 */
public record Refusal(RefusalCode code, String message, List<Violation> violations) {
    public Refusal {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        violations = List.copyOf(violations);
    }

    public Refusal(RefusalCode code, String message) {
        this(code, message, List.of());
    }
}
