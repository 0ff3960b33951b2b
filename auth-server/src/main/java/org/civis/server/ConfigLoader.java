package org.civis.server;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads {@link CivisConfig} from the environment, over an optional properties file named by
 * {@code CIVIS_CONFIG} that uses the same names. The environment wins. Unknown names in the file
 * are an error, so a typo cannot silently leave a default in force.
 */
public final class ConfigLoader {
    static final String CONFIG_FILE = "CIVIS_CONFIG";
    private static final Set<String> KNOWN = Set.of(
            "CIVIS_DATA_DIR",
            "CIVIS_DB_URL",
            "CIVIS_DB_POOL_SIZE",
            "CIVIS_PUBLIC_HOST",
            "CIVIS_PUBLIC_PORT",
            "CIVIS_ADMIN_HOST",
            "CIVIS_ADMIN_PORT",
            "CIVIS_HTTP_INSTANCES",
            "CIVIS_MAX_BODY_BYTES",
            "CIVIS_KEYSTORE_PASSWORD",
            "CIVIS_PKCS11_CONFIG",
            "CIVIS_ID_SCHEMA",
            "CIVIS_UIN_LENGTH",
            "CIVIS_VID_LENGTH",
            "CIVIS_UIN_DENY_LIST",
            "CIVIS_HZ_CLUSTER_NAME",
            "CIVIS_HZ_BIND",
            "CIVIS_HZ_PORT",
            "CIVIS_HZ_MEMBERS");

    private final Map<String, String> values;

    private ConfigLoader(Map<String, String> values) {
        this.values = values;
    }

    /** The configuration of this process: its environment over the optional file. */
    public static CivisConfig fromEnvironment() {
        return load(System.getenv());
    }

    /** The configuration from the given variables (a map standing in for the environment). */
    public static CivisConfig load(Map<String, String> environment) {
        Map<String, String> merged = new HashMap<>();
        String file = environment.get(CONFIG_FILE);
        if (file != null && !file.isBlank()) {
            merged.putAll(readFile(Path.of(file)));
        }
        environment.forEach((name, value) -> {
            if (KNOWN.contains(name)) {
                merged.put(name, value);
            }
        });
        return new ConfigLoader(merged).build();
    }

    private CivisConfig build() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new CivisConfig(
                Path.of(text("CIVIS_DATA_DIR", "civis-data")),
                optional("CIVIS_DB_URL"),
                integer("CIVIS_DB_POOL_SIZE", 16, 1, 512),
                text("CIVIS_PUBLIC_HOST", "127.0.0.1"),
                integer("CIVIS_PUBLIC_PORT", 8080, 0, 65535),
                text("CIVIS_ADMIN_HOST", "127.0.0.1"),
                integer("CIVIS_ADMIN_PORT", 8081, 0, 65535),
                integer("CIVIS_HTTP_INSTANCES", cores, 1, 256),
                integer("CIVIS_MAX_BODY_BYTES", 8 * 1024 * 1024, 1024, Integer.MAX_VALUE),
                optional("CIVIS_KEYSTORE_PASSWORD"),
                optional("CIVIS_PKCS11_CONFIG").map(Path::of),
                optional("CIVIS_ID_SCHEMA").map(Path::of),
                integer("CIVIS_UIN_LENGTH", 10, 8, 32),
                integer("CIVIS_VID_LENGTH", 16, 12, 32),
                new LinkedHashSet<>(list("CIVIS_UIN_DENY_LIST")),
                text("CIVIS_HZ_CLUSTER_NAME", "civis"),
                text("CIVIS_HZ_BIND", "127.0.0.1"),
                integer("CIVIS_HZ_PORT", 5701, 1, 65535),
                list("CIVIS_HZ_MEMBERS"));
    }

    private String text(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    private Optional<String> optional(String name) {
        return Optional.ofNullable(values.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private int integer(String name, int fallback, int min, int max) {
        return optional(name).map(parse(name, min, max)).orElse(fallback);
    }

    private static Function<String, Integer> parse(String name, int min, int max) {
        return raw -> {
            try {
                int value = Integer.parseInt(raw);
                if (value < min || value > max) {
                    throw new IllegalArgumentException(name + " must be between " + min + " and " + max);
                }
                return value;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number");
            }
        };
    }

    private List<String> list(String name) {
        return optional(name)
                .map(v -> Arrays.stream(v.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList())
                .orElse(List.of());
    }

    private static Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read configuration file " + file, e);
        }
        Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
        unknown.removeAll(KNOWN);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown settings in " + file + ": " + unknown);
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }
}
