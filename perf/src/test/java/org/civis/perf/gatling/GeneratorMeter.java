package org.civis.perf.gatling;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The load generator's own CPU per phase of a run (warm-up, measured, baseline): the generator
 * shares the machine with the server, so what it takes is what the server did not get. A phase
 * starts when its first virtual user starts; the last one ends when the run does.
 */
final class GeneratorMeter {
    private final Map<String, long[]> starts = new LinkedHashMap<>();
    private long[] end;

    /** Notes the start of {@code phase}, once. Cheap enough to call for every virtual user. */
    synchronized void mark(String phase) {
        starts.computeIfAbsent(phase, p -> now());
    }

    synchronized void finish() {
        end = now();
    }

    /** "measured 0.42, baseline 0.95": cores used on average in each phase. */
    synchronized String coresPerPhase() {
        if (end == null || starts.isEmpty()) {
            return "not measured";
        }
        var phases = starts.entrySet().stream().toList();
        Map<String, String> cores = new LinkedHashMap<>();
        for (int i = 0; i < phases.size(); i++) {
            long[] from = phases.get(i).getValue();
            long[] to = i + 1 < phases.size() ? phases.get(i + 1).getValue() : end;
            double wall = (to[0] - from[0]) / 1e9;
            double cpu = (to[1] - from[1]) / 1e9;
            cores.put(phases.get(i).getKey(), String.format(Locale.ROOT, "%.2f", wall > 0 ? cpu / wall : 0));
        }
        return cores.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static long[] now() {
        return new long[] {
            System.nanoTime(),
            ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime()
        };
    }
}
