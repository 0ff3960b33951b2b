package org.civis.perf.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Per-request statistics from the statistics table of a Gatling run's {@code index.html}. Gatling
 * 3.15 keeps its figures in the HTML only (the run log is binary), so the table is read; the CI
 * smoke run parses a real report, so a format change fails the build instead of a later run.
 */
public final class GatlingReport {
    private static final Pattern ROW =
            Pattern.compile("class=\"ellipsed-name\">([^<]+)</span>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("class=\"value [a-z]+ col-(\\d+)\">([^<]*)<");

    /** One request name's figures: counts and response times in milliseconds. */
    public record Stats(long total, long ok, long ko, long p50, long p95, long p99) {}

    private final Path directory;
    private final Map<String, Stats> byName;

    private GatlingReport(Path directory, Map<String, Stats> byName) {
        this.directory = directory;
        this.byName = byName;
    }

    /** The newest run folder under {@code resultsRoot} whose name starts with {@code simulationPrefix}. */
    public static GatlingReport latest(Path resultsRoot, String simulationPrefix) {
        try (Stream<Path> runs = Files.list(resultsRoot)) {
            Path newest = runs.filter(p -> p.getFileName().toString().startsWith(simulationPrefix))
                    .filter(p -> Files.exists(p.resolve("index.html")))
                    .max(Path::compareTo)
                    .orElseThrow(() -> new IllegalStateException("no Gatling report under " + resultsRoot));
            return read(newest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static GatlingReport read(Path runDirectory) {
        try {
            String html = Files.readString(runDirectory.resolve("index.html"), StandardCharsets.UTF_8);
            Map<String, Stats> byName = new LinkedHashMap<>();
            Matcher row = ROW.matcher(html);
            while (row.find()) {
                Map<Integer, String> cells = new LinkedHashMap<>();
                Matcher cell = CELL.matcher(row.group(2));
                while (cell.find()) {
                    cells.put(Integer.parseInt(cell.group(1)), cell.group(2).trim());
                }
                if (cells.containsKey(11)) {
                    byName.put(
                            row.group(1).trim(),
                            new Stats(
                                    number(cells.get(2)),
                                    number(cells.get(3)),
                                    number(cells.get(4)),
                                    number(cells.get(8)),
                                    number(cells.get(10)),
                                    number(cells.get(11))));
                }
            }
            if (byName.isEmpty()) {
                throw new IllegalStateException("no statistics table in " + runDirectory.resolve("index.html"));
            }
            return new GatlingReport(runDirectory, byName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path directory() {
        return directory;
    }

    /** Every request name (and "All Requests"), in the report's order. */
    public Map<String, Stats> byName() {
        return Map.copyOf(byName);
    }

    public Stats get(String name) {
        Stats stats = byName.get(name);
        if (stats == null) {
            throw new IllegalArgumentException("the report has no request named " + name + ": " + byName.keySet());
        }
        return stats;
    }

    /** Summed over the request names that {@code filter} accepts. */
    public Stats sum(java.util.function.Predicate<String> filter) {
        long total = 0;
        long ok = 0;
        long ko = 0;
        for (var entry : byName.entrySet()) {
            if (filter.test(entry.getKey())) {
                total += entry.getValue().total();
                ok += entry.getValue().ok();
                ko += entry.getValue().ko();
            }
        }
        return new Stats(total, ok, ko, -1, -1, -1);
    }

    private static long number(String cell) {
        if (cell == null || cell.isEmpty() || cell.equals("-")) {
            return 0;
        }
        return Math.round(Double.parseDouble(cell.replace(",", "")));
    }
}
