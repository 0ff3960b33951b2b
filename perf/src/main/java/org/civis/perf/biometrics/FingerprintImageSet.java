package org.civis.perf.biometrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One folder of fingerprint images named {@code <finger>_<impression>.<ext>}, as the FVC
 * databases are: the same finger number within a folder is the same finger. Numbers restart in
 * each folder, so fingers of different sets are always different fingers.
 *
 * @param name the folder name
 * @param samples the images, ordered by finger, then impression
 */
record FingerprintImageSet(String name, List<FingerprintSample> samples) {

    /** Where the benchmarks look when not told otherwise: beside the checkout, never inside it. */
    static final String DEFAULT_DATA_DIR = "../shared/data/fingerprints";

    private static final Pattern FILE_NAME = Pattern.compile("(\\d+)_(\\d+)\\.\\w+");

    FingerprintImageSet {
        samples = List.copyOf(samples);
    }

    /** Every sub-folder of {@code dataDir} holding at least one image, by name; empty if there is none. */
    static List<FingerprintImageSet> loadAll(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(dataDir)) {
            return folders.filter(Files::isDirectory)
                    .sorted()
                    .map(FingerprintImageSet::load)
                    .filter(set -> !set.samples().isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Like {@link #loadAll}, but for JMH benchmarks that cannot run without images: fails the
     * benchmark's setup with a "skipped" message that says where the images were expected. JMH
     * reports that benchmark as failed and goes on with the others.
     */
    static List<FingerprintImageSet> loadAllOrSkip(Path dataDir) {
        List<FingerprintImageSet> sets = loadAll(dataDir);
        if (sets.isEmpty()) {
            throw new IllegalStateException("skipped: no fingerprint images at " + dataDir.toAbsolutePath()
                    + " (pass -p dataDir=<folder of sets>)");
        }
        return sets;
    }

    /** The set in {@code dataDir} with that folder name, or a clear failure naming what exists. */
    static FingerprintImageSet loadOneOrSkip(Path dataDir, String name) {
        List<FingerprintImageSet> sets = loadAllOrSkip(dataDir);
        return sets.stream()
                .filter(set -> set.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no set " + name + " in " + dataDir.toAbsolutePath()
                        + "; sets there: "
                        + sets.stream().map(FingerprintImageSet::name).toList()));
    }

    private static FingerprintImageSet load(Path folder) {
        List<FingerprintSample> samples = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher name = FILE_NAME.matcher(file.getFileName().toString());
                if (name.matches()) {
                    samples.add(new FingerprintSample(
                            Integer.parseInt(name.group(1)),
                            Integer.parseInt(name.group(2)),
                            Files.readAllBytes(file)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        samples.sort(
                Comparator.comparingInt(FingerprintSample::finger).thenComparingInt(FingerprintSample::impression));
        return new FingerprintImageSet(folder.getFileName().toString(), samples);
    }
}
