package org.civis.perf.biometrics;

import java.util.List;
import java.util.Locale;
import org.civis.perf.biometrics.FingerprintAccuracyBenchmark.SetResult;

/** The accuracy benchmark's results as markdown tables, ready to paste into the README. */
final class AccuracyTables {

    private AccuracyTables() {}

    static String summary(List<SetResult> results) {
        StringBuilder table = new StringBuilder();
        table.append("| set | images | without minutiae | extraction ms/image | genuine pairs | impostor pairs"
                + " | genuine min | genuine median | impostor max |\n");
        table.append("|---|---|---|---|---|---|---|---|---|\n");
        for (SetResult result : results) {
            ScoreDistribution scores = result.scores();
            table.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %.1f | %d | %d | %.1f | %.1f | %.1f |%n",
                    result.set(),
                    result.images(),
                    result.emptyTemplates(),
                    result.extractionMillisPerImage(),
                    scores.genuinePairs(),
                    scores.impostorPairs(),
                    scores.genuineMin(),
                    scores.genuineMedian(),
                    scores.impostorMax()));
        }
        return table.toString();
    }

    static String errorRates(List<SetResult> results, double[] thresholds) {
        StringBuilder table = new StringBuilder("| set | threshold | FNMR (genuine < t) | FMR (impostor ≥ t) |\n");
        table.append("|---|---|---|---|\n");
        for (SetResult result : results) {
            ScoreDistribution scores = result.scores();
            for (double threshold : thresholds) {
                table.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %s | %s |%n",
                        result.set(),
                        number(threshold),
                        rate(scores.falseNonMatches(threshold), scores.genuinePairs()),
                        rate(scores.falseMatches(threshold), scores.impostorPairs())));
            }
        }
        return table.toString();
    }

    /** A rate with the counts it comes from, e.g. {@code 1.79% (5/280)}. */
    static String rate(int errors, int pairs) {
        double percent = pairs == 0 ? Double.NaN : 100.0 * errors / pairs;
        return String.format(Locale.ROOT, "%.2f%% (%d/%d)", percent, errors, pairs);
    }

    /** A threshold as typed: 40 rather than 40.0, 47.5 as is. */
    static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
