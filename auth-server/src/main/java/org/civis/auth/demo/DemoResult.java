package org.civis.auth.demo;

import java.util.List;

/**
 * The answer to one demographic match: an outcome per requested field, in request order, or the
 * request-wide problems that stopped the comparison. A request matches only as a whole.
 */
public record DemoResult(List<FieldOutcome> outcomes) {

    public DemoResult {
        outcomes = List.copyOf(outcomes);
    }

    /** True when there was at least one field and every field matched. */
    public boolean matched() {
        return !outcomes.isEmpty() && outcomes.stream().allMatch(FieldOutcome::matched);
    }

    /** The outcomes that are not {@link DemoCode#MATCHED}: what a partner is told went wrong. */
    public List<FieldOutcome> failures() {
        return outcomes.stream().filter(outcome -> !outcome.matched()).toList();
    }
}
