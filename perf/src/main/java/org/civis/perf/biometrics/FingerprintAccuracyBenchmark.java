package org.civis.perf.biometrics;

import com.machinezoo.fingerprintio.TemplateFormat;
import com.machinezoo.fingerprintio.iso19794p2v2005.Iso19794p2v2005Template;
import com.machinezoo.sourceafis.FingerprintCompatibility;
import com.machinezoo.sourceafis.FingerprintTemplate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * SourceAFIS on real fingerprint images. For each set (a sub-folder of the data folder): the mean
 * time to extract a template from an image (one timed pass, after at least 20 s of warm-up), how
 * many images gave no minutiae at all, and the false non-match and false match rates over every
 * unordered pair at several thresholds. Prints a few lines per set, then markdown tables. Without
 * a data folder it says so and exits successfully, so it can run anywhere.
 *
 * <pre>java -cp "perf/target/classes:perf/target/lib/*" org.civis.perf.biometrics.FingerprintAccuracyBenchmark \
 *     [dataDir [threshold ...]]</pre>
 *
 * <p>{@code dataDir} defaults to {@value FingerprintImageSet#DEFAULT_DATA_DIR} (relative to the
 * working directory, normally the checkout); thresholds default to 20 30 40 48 60 (SourceAFIS
 * documents 40 as about FMR 0.01%).
 */
public final class FingerprintAccuracyBenchmark {

    private static final double[] DEFAULT_THRESHOLDS = {20, 30, 40, 48, 60};

    private static final Duration WARM_UP = Duration.ofSeconds(20);

    private FingerprintAccuracyBenchmark() {}

    public static void main(String[] args) {
        Path dataDir = Path.of(args.length > 0 ? args[0] : FingerprintImageSet.DEFAULT_DATA_DIR);
        double[] thresholds =
                args.length > 1 ? thresholds(Arrays.copyOfRange(args, 1, args.length)) : DEFAULT_THRESHOLDS;

        List<FingerprintImageSet> sets = FingerprintImageSet.loadAll(dataDir);
        if (sets.isEmpty()) {
            System.out.println("skipped: no data at " + dataDir.toAbsolutePath());
            return;
        }
        warmUp(sets);
        List<SetResult> results = new ArrayList<>();
        for (FingerprintImageSet set : sets) {
            SetResult result = measure(set);
            printSummary(result, thresholds);
            results.add(result);
        }
        System.out.println();
        System.out.print(AccuracyTables.summary(results));
        System.out.println();
        System.out.print(AccuracyTables.errorRates(results, thresholds));
    }

    /**
     * One set's figures. An empty template (no minutia found) fails every genuine pair it is in, so
     * the count shows how much of the FNMR is failure to extract rather than failure to match.
     */
    record SetResult(
            String set, int images, int emptyTemplates, double extractionMillisPerImage, ScoreDistribution scores) {}

    /**
     * Extracts every image of every set, over and over, until the JIT has settled. A single pass
     * is not enough: on the 2-core reference machine extraction times kept falling for about 300
     * extractions, so the first set measured after one pass came out twice as slow as it is.
     */
    private static void warmUp(List<FingerprintImageSet> sets) {
        long deadline = System.nanoTime() + WARM_UP.toNanos();
        do {
            for (FingerprintImageSet set : sets) {
                for (FingerprintSample sample : set.samples()) {
                    sample.extractTemplate();
                }
            }
        } while (System.nanoTime() < deadline);
    }

    private static SetResult measure(FingerprintImageSet set) {
        List<FingerprintTemplate> templates = new ArrayList<>();
        long extractionNanos = 0;
        for (FingerprintSample sample : set.samples()) {
            long start = System.nanoTime();
            templates.add(sample.extractTemplate());
            extractionNanos += System.nanoTime() - start;
        }
        int[] fingers =
                set.samples().stream().mapToInt(FingerprintSample::finger).toArray();
        ScoreDistribution scores = ScoreDistribution.compareAllPairs(templates, fingers);
        int empty = (int) templates.stream()
                .filter(template -> minutiaeCount(template) == 0)
                .count();
        return new SetResult(set.name(), templates.size(), empty, extractionNanos / 1e6 / templates.size(), scores);
    }

    /** SourceAFIS keeps its minutiae private; the standard export shows them. */
    private static int minutiaeCount(FingerprintTemplate template) {
        byte[] iso = FingerprintCompatibility.exportTemplates(TemplateFormat.ISO_19794_2_2005, template);
        return new Iso19794p2v2005Template(iso).fingerprints.get(0).minutiae.size();
    }

    private static void printSummary(SetResult result, double[] thresholds) {
        ScoreDistribution scores = result.scores();
        System.out.printf(
                Locale.ROOT,
                "%s: %d images (%d without minutiae), extraction %.1f ms/image, %d genuine pairs"
                        + " (min %.1f, median %.1f), %d impostor pairs (max %.1f)%n",
                result.set(),
                result.images(),
                result.emptyTemplates(),
                result.extractionMillisPerImage(),
                scores.genuinePairs(),
                scores.genuineMin(),
                scores.genuineMedian(),
                scores.impostorPairs(),
                scores.impostorMax());
        for (double threshold : thresholds) {
            System.out.printf(
                    Locale.ROOT,
                    "  threshold %s: FNMR %s, FMR %s%n",
                    AccuracyTables.number(threshold),
                    AccuracyTables.rate(scores.falseNonMatches(threshold), scores.genuinePairs()),
                    AccuracyTables.rate(scores.falseMatches(threshold), scores.impostorPairs()));
        }
    }

    private static double[] thresholds(String[] args) {
        return Arrays.stream(args)
                .flatMap(arg -> Arrays.stream(arg.split(",")))
                .filter(value -> !value.isBlank())
                .mapToDouble(Double::parseDouble)
                .toArray();
    }
}
