package org.civis.perf.biometrics;

import com.machinezoo.sourceafis.FingerprintTemplate;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * Milliseconds to decode one real fingerprint image and extract its SourceAFIS template,
 * single-threaded, cycling through every image of one set. Needs the data folder; without it the
 * setup fails with a "skipped: ..." message.
 *
 * <pre>java -cp "perf/target/classes:perf/target/lib/*" org.openjdk.jmh.Main FingerprintExtractionBenchmark \
 *     [-p dataDir=...] [-p set=...]</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// An extraction takes tens of milliseconds and the JIT needs a few hundred of them to settle, so
// the default warm-up is long; much shorter warm-ups (-wi 2 -w 2s) measure the JIT, not SourceAFIS.
@Fork(1)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 5)
@State(Scope.Thread)
public class FingerprintExtractionBenchmark {

    @Param(FingerprintImageSet.DEFAULT_DATA_DIR)
    public String dataDir;

    /** The sets of the shared FVC2000 data; name others with {@code -p set=...}. */
    @Param({"fvc2000-db1b", "fvc2000-db2b"})
    public String set;

    private List<FingerprintSample> samples;
    private int next;

    @Setup
    public void load() {
        samples = FingerprintImageSet.loadOneOrSkip(Path.of(dataDir), set).samples();
    }

    @Benchmark
    public FingerprintTemplate extract() {
        FingerprintSample sample = samples.get(next);
        next = (next + 1) % samples.size();
        return sample.extractTemplate();
    }
}
