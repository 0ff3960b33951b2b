package org.civis.auth.demo;

/**
 * What a relying party may ask for when matching names, set by the ID authority per partner: looser
 * strategies make guessing a resident's name easier, so each is opt-in, with a floor on the score that a
 * request can raise but never lower.
 *
 * @param partialAllowed  whether {@link MatchStrategy#PARTIAL} may be requested
 * @param phoneticAllowed whether {@link MatchStrategy#PHONETIC} may be requested
 * @param minScore        the lowest score, in [0, 1], that counts as a match whatever the request says
 */
public record NamePolicy(boolean partialAllowed, boolean phoneticAllowed, double minScore) {

    /** Exact matching only. */
    public static final NamePolicy EXACT_ONLY = new NamePolicy(false, false, 1.0);

    public NamePolicy {
        // The negated form also rejects NaN, which compares false with everything.
        if (!(minScore >= 0.0 && minScore <= 1.0)) {
            throw new IllegalArgumentException("minScore must be between 0 and 1");
        }
    }

    /** Whether a request may use the strategy; {@link MatchStrategy#EXACT} always may. */
    public boolean allows(MatchStrategy strategy) {
        return switch (strategy) {
            case EXACT -> true;
            case PARTIAL -> partialAllowed;
            case PHONETIC -> phoneticAllowed;
        };
    }
}
