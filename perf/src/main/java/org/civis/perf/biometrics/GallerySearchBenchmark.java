package org.civis.perf.biometrics;

import com.machinezoo.sourceafis.FingerprintCompatibility;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.civis.core.biometrics.BiometricCandidate;
import org.civis.core.biometrics.BiometricSettings;
import org.civis.core.biometrics.Biometrics;
import org.civis.core.biometrics.FusionRule;
import org.civis.core.biometrics.PreparedFingerprint;
import org.civis.core.biometrics.synthetic.SyntheticFinger;
import org.civis.core.biometrics.synthetic.SyntheticFingerprints;
import org.civis.core.id.Uin;
import org.civis.core.schema.FingerPosition;
import org.civis.core.schema.IdSchema;
import org.civis.core.uin.Verhoeff;

/**
 * Time of one 1:N deduplication search, the one enrollment runs before its transaction, against
 * galleries of 10k, 100k and 1M synthetic fingers (all at the same position, so every one is
 * compared: the worst case). Runs the gallery's own parallel search on all cores.
 *
 * <p>Usage: {@code java -Xmx20g -cp "perf/target/classes:perf/target/lib/*"
 * org.civis.perf.biometrics.GallerySearchBenchmark [sizes, default 10000,100000,1000000] [searches per size, default 5]}
 */
public final class GallerySearchBenchmark {
    private static final FingerPosition POSITION = FingerPosition.RIGHT_INDEX;

    private GallerySearchBenchmark() {}

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "10000,100000,1000000").split(","))
                .mapToInt(Integer::parseInt)
                .sorted()
                .toArray();
        int searches = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int cores = Runtime.getRuntime().availableProcessors();
        BiometricSettings defaults = BiometricSettings.defaults();
        BiometricSettings settings = new BiometricSettings(
                defaults.minMinutiae(),
                defaults.matchThreshold(),
                defaults.dedupThreshold(),
                defaults.maxCandidates(),
                false,
                FusionRule.ANY,
                cores,
                defaults.queueLimit(),
                true);
        SyntheticFingerprints synthetic = new SyntheticFingerprints(20261125L);
        // The gallery's search needs neither database nor keys: it is given the enrolled set.
        try (Biometrics biometrics = new Biometrics(null, null, IdSchema.defaultSchema(), settings)) {
            List<SyntheticFinger> known = IntStream.range(0, searches)
                    .mapToObj(i -> synthetic.newFinger())
                    .toList();
            List<Map.Entry<Uin, List<PreparedFingerprint>>> gallery = new ArrayList<>();
            for (int i = 0; i < known.size(); i++) {
                gallery.add(Map.entry(uin(i), List.of(prepare(synthetic.impression(known.get(i), POSITION)))));
            }
            System.out.printf(
                    "%d cores, threshold %.0f; each search: one probe finger against every enrolled finger%n",
                    cores, settings.dedupThreshold());
            System.out.println(
                    "| enrolled fingers | heap after load | search (median) | comparisons/s | genuine found | false candidates |");
            System.out.println("|---|---|---|---|---|---|");
            for (int size : sizes) {
                long fillStart = System.nanoTime();
                grow(gallery, size, synthetic);
                double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
                search(
                        biometrics,
                        settings,
                        gallery,
                        List.of(prepare(synthetic.impression(known.get(0), POSITION)))); // warm-up
                long[] nanos = new long[searches];
                int genuineFound = 0;
                int falseCandidates = 0;
                for (int s = 0; s < searches; s++) {
                    List<PreparedFingerprint> probe = List.of(prepare(synthetic.impression(known.get(s), POSITION)));
                    long start = System.nanoTime();
                    List<BiometricCandidate> found = search(biometrics, settings, gallery, probe);
                    nanos[s] = System.nanoTime() - start;
                    Uin expected = uin(s);
                    genuineFound += found.stream().anyMatch(c -> c.uin().equals(expected)) ? 1 : 0;
                    falseCandidates += (int) found.stream()
                            .filter(c -> !c.uin().equals(expected))
                            .count();
                }
                Arrays.sort(nanos);
                double medianSeconds = nanos[searches / 2] / 1e9;
                System.gc();
                long heapMb = (Runtime.getRuntime().totalMemory()
                                - Runtime.getRuntime().freeMemory())
                        >> 20;
                System.out.printf(
                        "| %,d | %,d MB | %.2f s | %,.0f | %d/%d | %d | (loaded in %.0f s)%n",
                        gallery.size(),
                        heapMb,
                        medianSeconds,
                        gallery.size() / medianSeconds,
                        genuineFound,
                        searches,
                        falseCandidates,
                        fillSeconds);
            }
        }
    }

    private static List<BiometricCandidate> search(
            Biometrics biometrics,
            BiometricSettings settings,
            List<Map.Entry<Uin, List<PreparedFingerprint>>> gallery,
            List<PreparedFingerprint> probe)
            throws Exception {
        return biometrics
                .gallery()
                .searchAmong(probe, gallery, settings.dedupThreshold(), settings.maxCandidates())
                .toCompletionStage()
                .toCompletableFuture()
                .get();
    }

    /** Adds distinct synthetic fingers until the gallery holds {@code size}, preparing them on all cores. */
    private static void grow(
            List<Map.Entry<Uin, List<PreparedFingerprint>>> gallery, int size, SyntheticFingerprints synthetic) {
        int from = gallery.size();
        if (size <= from) {
            return;
        }
        // Generated in order (the generator is one seeded sequence), prepared in parallel.
        List<byte[]> templates = new ArrayList<>(size - from);
        for (int i = from; i < size; i++) {
            templates.add(synthetic.impression(synthetic.newFinger(), POSITION));
        }
        List<Map.Entry<Uin, List<PreparedFingerprint>>> added = IntStream.range(0, templates.size())
                .parallel()
                .mapToObj(i -> Map.entry(uin(from + i), List.of(prepare(templates.get(i)))))
                .toList();
        gallery.addAll(added);
    }

    private static PreparedFingerprint prepare(byte[] iso) {
        return new PreparedFingerprint(POSITION, FingerprintCompatibility.importTemplate(iso));
    }

    private static Uin uin(int n) {
        String digits = String.valueOf(2_000_000_000L + n);
        return new Uin(digits + Verhoeff.checkDigit(digits));
    }
}
