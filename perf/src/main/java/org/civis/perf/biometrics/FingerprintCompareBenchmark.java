package org.civis.perf.biometrics;

import com.machinezoo.sourceafis.FingerprintCompatibility;
import com.machinezoo.sourceafis.FingerprintTemplate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.civis.core.biometrics.synthetic.SyntheticFinger;
import org.civis.core.biometrics.synthetic.SyntheticFingerprints;
import org.civis.core.schema.FingerPosition;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-threaded SourceAFIS 1:1 comparisons per second, which is comparisons per second per core:
 * {@code synthetic} on synthetic templates (always available), {@code fvc} on templates extracted
 * from the real images of the data folder (the FVC sets, or whatever sets it holds). Without data
 * the {@code fvc} setup fails with a "skipped: ..." message; to run only the synthetic one, use the
 * regex {@code FingerprintCompareBenchmark.synthetic}.
 *
 * <pre>java -cp "perf/target/classes:perf/target/lib/*" org.openjdk.jmh.Main FingerprintCompareBenchmark \
 *     [-p dataDir=...]</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// Defaults that give stable figures in about a minute per benchmark; JMH's own (5 forks of 5 x 10 s
// warm-up and 5 x 10 s measurement) would take over eight.
@Fork(1)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class FingerprintCompareBenchmark {

    /**
     * A third impression of 20 fingers as probes against a gallery of 200 candidates (two
     * impressions of 100 fingers): 1% genuine pairs, as when a probe is scanned against the
     * gallery.
     */
    @State(Scope.Thread)
    public static class SyntheticTemplates {
        private static final int FINGERS = 100;
        private static final int PROBES = 20;

        MatcherRotation rotation;

        @Setup
        public void generate() {
            SyntheticFingerprints fingerprints = new SyntheticFingerprints(20_240_601);
            List<FingerprintTemplate> probes = new ArrayList<>();
            List<FingerprintTemplate> candidates = new ArrayList<>();
            for (int i = 0; i < FINGERS; i++) {
                SyntheticFinger finger = fingerprints.newFinger();
                candidates.add(template(fingerprints.impression(finger, FingerPosition.RIGHT_INDEX)));
                candidates.add(template(fingerprints.impression(finger, FingerPosition.RIGHT_INDEX)));
                if (i < PROBES) {
                    probes.add(template(fingerprints.impression(finger, FingerPosition.RIGHT_INDEX)));
                }
            }
            rotation = new MatcherRotation(probes, candidates);
        }

        private static FingerprintTemplate template(byte[] isoRecord) {
            return FingerprintCompatibility.importTemplate(isoRecord);
        }
    }

    /**
     * The first impression of each finger as a probe, every other image of every set as a
     * candidate: each probe meets its own finger's other impressions among many impostors, from
     * its own set and the others (7 genuine pairs in 140 with the two FVC sets). No probe is
     * compared with itself.
     */
    @State(Scope.Thread)
    public static class RealTemplates {
        @Param(FingerprintImageSet.DEFAULT_DATA_DIR)
        public String dataDir;

        MatcherRotation rotation;

        @Setup
        public void extract() {
            List<FingerprintImageSet> sets = FingerprintImageSet.loadAllOrSkip(Path.of(dataDir));
            List<FingerprintTemplate> probes = new ArrayList<>();
            List<FingerprintTemplate> candidates = new ArrayList<>();
            for (FingerprintImageSet set : sets) {
                int previousFinger = Integer.MIN_VALUE;
                for (FingerprintSample sample : set.samples()) {
                    FingerprintTemplate template = sample.extractTemplate();
                    if (sample.finger() != previousFinger) {
                        probes.add(template);
                        previousFinger = sample.finger();
                    } else {
                        candidates.add(template);
                    }
                }
            }
            rotation = new MatcherRotation(probes, candidates);
        }
    }

    @Benchmark
    public double synthetic(SyntheticTemplates templates) {
        return templates.rotation.compareNext();
    }

    @Benchmark
    public double fvc(RealTemplates templates) {
        return templates.rotation.compareNext();
    }
}
