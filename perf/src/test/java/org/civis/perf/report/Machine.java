package org.civis.perf.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The machine a run was measured on, as far as Linux and the JVM tell. */
final class Machine {
    private Machine() {}

    static String describe() {
        String cpu = line(Path.of("/proc/cpuinfo"), "model name").orElse("unknown CPU");
        String memory = line(Path.of("/proc/meminfo"), "MemTotal")
                .map(kb -> String.format(
                        Locale.ROOT, "%.1f GiB RAM", Long.parseLong(kb.replaceAll("[^0-9]", "")) / 1048576.0))
                .orElse("unknown RAM");
        return String.format(
                Locale.ROOT,
                "%d cores, %s, %s, Java %s (%s)",
                Runtime.getRuntime().availableProcessors(),
                memory,
                cpu,
                System.getProperty("java.version"),
                System.getProperty("java.vendor"));
    }

    private static Optional<String> line(Path file, String key) {
        try (var lines = Files.lines(file)) {
            return lines.filter(l -> l.startsWith(key)).findFirst().map(l -> l.substring(l.indexOf(':') + 1)
                    .trim());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
