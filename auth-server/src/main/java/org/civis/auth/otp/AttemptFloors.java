package org.civis.auth.otp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * This node's memory of the fewest attempts it has seen left on each issued code. A MAC cannot
 * tell an entry put back to an earlier authentic state (attempts reset) from the real one; a node
 * that has counted attempts down can. A rogue member can still reset the count once per node that
 * has not yet seen the code, so a code allows at most its attempts times the number of nodes.
 * Bounded: the oldest codes are forgotten first. Thread-safe.
 */
final class AttemptFloors {
    private static final int MAX_CODES = 100_000;

    private final Map<String, Integer> floors = new LinkedHashMap<>(1_024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > MAX_CODES;
        }
    };

    /** Whether {@code attemptsLeft} is more than this node has already seen left on {@code code}. */
    synchronized boolean wasReset(String code, int attemptsLeft) {
        Integer floor = floors.get(code);
        return floor != null && attemptsLeft > floor;
    }

    /** Remembers that no more than {@code attemptsLeft} remain on {@code code}. */
    synchronized void lower(String code, int attemptsLeft) {
        floors.merge(code, attemptsLeft, Math::min);
    }
}
