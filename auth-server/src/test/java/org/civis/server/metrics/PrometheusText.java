package org.civis.server.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format (version 0.0.4), enough for tests: every
 * sample line is parsed (name, labels with their escapes, value), and every sample must belong to a
 * family declared by a {@code # TYPE} line. A malformed line fails the test.
 */
final class PrometheusText {
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final List<String> SUFFIXES = List.of("_total", "_bucket", "_count", "_sum", "_created");

    /** One sample line. */
    record Sample(String name, Map<String, String> labels, double value) {}

    private final List<Sample> samples = new ArrayList<>();
    private final Map<String, String> types = new HashMap<>();

    private PrometheusText() {}

    static PrometheusText parse(String text) {
        PrometheusText parsed = new PrometheusText();
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            if (line.isEmpty()) {
                continue;
            }
            try {
                parsed.read(line);
            } catch (RuntimeException e) {
                throw new AssertionError("line " + number + " is not in the exposition format: " + line, e);
            }
        }
        for (Sample sample : parsed.samples) {
            if (parsed.family(sample.name()) == null) {
                throw new AssertionError("no # TYPE line for " + sample.name());
            }
        }
        return parsed;
    }

    List<Sample> samples() {
        return samples;
    }

    /** The declared type of the family {@code name} belongs to, or null. */
    String family(String name) {
        if (types.containsKey(name)) {
            return types.get(name);
        }
        for (String suffix : SUFFIXES) {
            if (name.endsWith(suffix)) {
                String type = types.get(name.substring(0, name.length() - suffix.length()));
                if (type != null) {
                    return type;
                }
            }
        }
        return null;
    }

    /** The samples named {@code name} whose labels include all of {@code labels}. */
    List<Sample> find(String name, Map<String, String> labels) {
        return samples.stream()
                .filter(s -> s.name().equals(name))
                .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
                .toList();
    }

    /** The sum of the values of {@link #find}; 0 when there is none (a counter not yet incremented). */
    double sum(String name, Map<String, String> labels) {
        return find(name, labels).stream().mapToDouble(Sample::value).sum();
    }

    /** The value of the one sample {@link #find} names; fails when there is none or several. */
    double value(String name, Map<String, String> labels) {
        List<Sample> found = find(name, labels);
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " samples of " + name + " " + labels + ", not one");
        }
        return found.get(0).value();
    }

    private void read(String line) {
        if (line.startsWith("#")) {
            String[] words = line.split(" ", 4);
            if (words.length >= 4 && words[1].equals("TYPE")) {
                require(METRIC_NAME.matcher(words[2]).matches(), "metric name");
                require(
                        List.of("counter", "gauge", "histogram", "summary", "untyped")
                                .contains(words[3]),
                        "type");
                types.put(words[2], words[3]);
            }
            return;
        }
        int at = 0;
        while (at < line.length() && line.charAt(at) != '{' && line.charAt(at) != ' ') {
            at++;
        }
        String name = line.substring(0, at);
        require(METRIC_NAME.matcher(name).matches(), "metric name");
        Map<String, String> labels = new LinkedHashMap<>();
        if (at < line.length() && line.charAt(at) == '{') {
            at = readLabels(line, at + 1, labels);
        }
        require(at < line.length() && line.charAt(at) == ' ', "space before the value");
        String[] rest = line.substring(at + 1).split(" ");
        require(rest.length == 1 || rest.length == 2, "value [timestamp]");
        samples.add(new Sample(name, labels, number(rest[0])));
    }

    private static int readLabels(String line, int at, Map<String, String> labels) {
        while (line.charAt(at) != '}') {
            int equals = line.indexOf('=', at);
            String key = line.substring(at, equals);
            require(LABEL_NAME.matcher(key).matches(), "label name");
            require(line.charAt(equals + 1) == '"', "quoted label value");
            StringBuilder value = new StringBuilder();
            int i = equals + 2;
            for (; line.charAt(i) != '"'; i++) {
                char c = line.charAt(i);
                if (c == '\\') {
                    char escaped = line.charAt(++i);
                    value.append(
                            switch (escaped) {
                                case 'n' -> '\n';
                                case '\\' -> '\\';
                                case '"' -> '"';
                                default -> throw new IllegalArgumentException("bad escape \\" + escaped);
                            });
                } else {
                    value.append(c);
                }
            }
            require(labels.put(key, value.toString()) == null, "label named once");
            at = i + 1;
            if (line.charAt(at) == ',') {
                at++;
            }
        }
        return at + 1;
    }

    private static double number(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalArgumentException("expected " + what);
        }
    }
}
