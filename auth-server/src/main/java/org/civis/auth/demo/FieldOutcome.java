package org.civis.auth.demo;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What matching said about one requested field. Holds the field's name, never its value, so that it
 * can be logged and returned as it is.
 *
 * @param field the requested field's name, or {@link #REQUEST} when the outcome concerns the whole request
 * @param code  the outcome
 * @param score the similarity in [0, 1] when the name was compared with {@link MatchStrategy#PARTIAL} or
 *              {@link MatchStrategy#PHONETIC}; empty otherwise
 */
public record FieldOutcome(String field, DemoCode code, OptionalDouble score) {

    /** The field of request-wide outcomes: the empty JSON pointer, which denotes the whole document. */
    public static final String REQUEST = "";

    public FieldOutcome {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(score, "score");
    }

    static FieldOutcome of(String field, DemoCode code) {
        return new FieldOutcome(field, code, OptionalDouble.empty());
    }

    public boolean matched() {
        return code == DemoCode.MATCHED;
    }
}
