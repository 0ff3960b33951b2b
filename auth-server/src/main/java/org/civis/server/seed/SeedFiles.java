package org.civis.server.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Properties;
import org.civis.core.id.Uin;
import org.civis.core.keys.OwnerOnlyFiles;

/**
 * The seed's files under {@code <data dir>/seed/}: {@code population.properties} (seed and whether
 * fingers were enrolled, so a rerun cannot mix two populations), {@code residents.tsv} (index and
 * UIN of every seeded resident, appended after each committed batch) and {@code partner.json}.
 */
public final class SeedFiles {
    private final Path dir;

    public SeedFiles(Path dataDir) {
        this.dir = dataDir.resolve("seed");
    }

    public Path residents() {
        return dir.resolve("residents.tsv");
    }

    public Path partner() {
        return dir.resolve("partner.json");
    }

    /** Records the population's parameters, or checks them against those recorded by an earlier run. */
    public void claimPopulation(long seed, boolean withFingerprints) {
        Path file = dir.resolve("population.properties");
        try {
            OwnerOnlyFiles.createPrivateDirectories(dir);
            Properties wanted = new Properties();
            wanted.setProperty("seed", Long.toString(seed));
            wanted.setProperty("withFingerprints", Boolean.toString(withFingerprints));
            if (Files.exists(file)) {
                Properties recorded = new Properties();
                try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    recorded.load(in);
                }
                if (!recorded.equals(wanted)) {
                    throw new IllegalArgumentException("this data directory was seeded with " + recorded
                            + "; use the same options or a fresh data directory");
                }
                return;
            }
            var out = new java.io.StringWriter();
            wanted.store(out, "civis seed: the population of this data directory");
            OwnerOnlyFiles.writeAtomically(file, out.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The indexes already in residents.tsv. */
    public BitSet seededIndexes() {
        BitSet seeded = new BitSet();
        if (!Files.exists(residents())) {
            return seeded;
        }
        try (var lines = Files.lines(residents(), StandardCharsets.UTF_8)) {
            lines.filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .forEach(line -> seeded.set(Integer.parseInt(line.substring(0, line.indexOf('\t')))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return seeded;
    }

    /** One seeded resident: its index in the population and its UIN. */
    public record Seeded(long index, Uin uin) {}

    /** Appends lines for residents of a committed batch. */
    public void append(List<Seeded> seeded) {
        if (seeded.isEmpty()) {
            return;
        }
        StringBuilder lines = new StringBuilder(seeded.size() * 20);
        seeded.forEach(s ->
                lines.append(s.index()).append('\t').append(s.uin().value()).append('\n'));
        try {
            OwnerOnlyFiles.appendPrivately(residents(), lines.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
