package org.civis.auth.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Scores how alike two normalized names are, in [0, 1], token by token so that the order of name parts
 * does not matter ("Ali Mohammed" and "Mohammed Ali" score 1). Dividing by the larger token count
 * makes a missing or extra name part cost as much as a wrong one.
 */
final class NameScorer {

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private NameScorer() {}

    /**
     * Token-set Jaro-Winkler: each token is paired with its most similar unused counterpart, greedily,
     * best pairs first; the score is the sum of the pairs' similarities over the larger token count.
     */
    static double partial(List<String> requested, List<String> enrolled) {
        int larger = Math.max(requested.size(), enrolled.size());
        if (larger == 0) {
            return 0.0;
        }
        List<Pair> pairs = new ArrayList<>(requested.size() * enrolled.size());
        for (int r = 0; r < requested.size(); r++) {
            for (int e = 0; e < enrolled.size(); e++) {
                pairs.add(new Pair(r, e, JARO_WINKLER.apply(requested.get(r), enrolled.get(e))));
            }
        }
        // A stable sort keeps ties in token order, so that equal inputs always pair the same way.
        pairs.sort(Comparator.comparingDouble(Pair::similarity).reversed());
        boolean[] requestedUsed = new boolean[requested.size()];
        boolean[] enrolledUsed = new boolean[enrolled.size()];
        double sum = 0.0;
        for (Pair pair : pairs) {
            if (!requestedUsed[pair.requested()] && !enrolledUsed[pair.enrolled()]) {
                requestedUsed[pair.requested()] = true;
                enrolledUsed[pair.enrolled()] = true;
                sum += pair.similarity();
            }
        }
        return sum / larger;
    }

    /**
     * Phonetic: two tokens pair when their Beider-Morse code sets intersect, or when they are equal (the
     * fallback for scripts Beider-Morse yields no codes for); the score is the largest number of
     * disjoint pairs over the larger token count. The pairing is a maximum bipartite matching, not a
     * greedy one, so that a token that sounds like several others cannot take the only partner of another.
     *
     * @param requestedCodes the codes of each requested token, aligned with {@code requested}
     * @param enrolledCodes  the codes of each enrolled token, aligned with {@code enrolled}
     */
    static double phonetic(
            List<String> requested,
            List<Set<String>> requestedCodes,
            List<String> enrolled,
            List<Set<String>> enrolledCodes) {
        int larger = Math.max(requested.size(), enrolled.size());
        if (larger == 0) {
            return 0.0;
        }
        boolean[][] alike = new boolean[requested.size()][enrolled.size()];
        for (int r = 0; r < requested.size(); r++) {
            for (int e = 0; e < enrolled.size(); e++) {
                alike[r][e] = requested.get(r).equals(enrolled.get(e))
                        || !Collections.disjoint(requestedCodes.get(r), enrolledCodes.get(e));
            }
        }
        int[] partnerOfEnrolled = new int[enrolled.size()];
        Arrays.fill(partnerOfEnrolled, -1);
        int pairs = 0;
        for (int r = 0; r < requested.size(); r++) {
            if (pairUp(r, alike, partnerOfEnrolled, new boolean[enrolled.size()])) {
                pairs++;
            }
        }
        return (double) pairs / larger;
    }

    /** One augmenting-path step of Kuhn's matching algorithm; token counts are small, so recursion is fine. */
    private static boolean pairUp(int r, boolean[][] alike, int[] partnerOfEnrolled, boolean[] visited) {
        for (int e = 0; e < partnerOfEnrolled.length; e++) {
            if (alike[r][e] && !visited[e]) {
                visited[e] = true;
                if (partnerOfEnrolled[e] < 0 || pairUp(partnerOfEnrolled[e], alike, partnerOfEnrolled, visited)) {
                    partnerOfEnrolled[e] = r;
                    return true;
                }
            }
        }
        return false;
    }

    private record Pair(int requested, int enrolled, double similarity) {}
}
