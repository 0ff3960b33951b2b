package org.civis.core.schema;

import java.util.ArrayList;
import java.util.List;

/** Gathers violations during one validation so that the caller gets all of them, not just the first. */
final class ViolationCollector {

    private final List<Violation> violations = new ArrayList<>();

    void add(String path, ViolationCode code, String message) {
        violations.add(new Violation(path, code, message));
    }

    List<Violation> toList() {
        return List.copyOf(violations);
    }
}
