package org.civis.server.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.civis.auth.credential.IssuanceSettings;
import org.civis.core.biometrics.BiometricSettings;
import org.civis.core.biometrics.FusionRule;
import org.civis.core.storage.embedded.Durability;
import org.civis.issuer.keys.SigningAlgorithm;
import org.civis.server.http.BodyLimits;
import org.civis.server.operator.OperatorSettings;
import org.civis.server.operator.RolesClaim;
import org.civis.server.tls.TlsFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@link CivisConfig} from the environment, over an optional properties file named by
 * {@code CIVIS_CONFIG} that uses the same names. The environment wins. Unknown names in the file
 * are an error, so a typo cannot silently leave a default in force. The environment holds much
 * else, so an unknown {@code CIVIS_} name there is only warned about, by name (values may be secrets).
 */
public final class ConfigLoader {
    static final String CONFIG_FILE = "CIVIS_CONFIG";
    private static final Set<String> KNOWN = Set.of(
            "CIVIS_DATA_DIR",
            "CIVIS_DB_URL",
            "CIVIS_DB_POOL_SIZE",
            "CIVIS_DB_DURABILITY",
            "CIVIS_PUBLIC_HOST",
            "CIVIS_PUBLIC_PORT",
            "CIVIS_ADMIN_HOST",
            "CIVIS_ADMIN_PORT",
            "CIVIS_HTTP_INSTANCES",
            "CIVIS_MAX_BODY_BYTES",
            "CIVIS_MAX_SMALL_BODY_BYTES",
            "CIVIS_MAX_BUFFERED_BODY_BYTES",
            "CIVIS_HTTP_IDLE_TIMEOUT_SECONDS",
            "CIVIS_HTTP_REQUEST_TIMEOUT_SECONDS",
            "CIVIS_PUBLIC_TLS_CERT",
            "CIVIS_PUBLIC_TLS_KEY",
            "CIVIS_ADMIN_TLS_CERT",
            "CIVIS_ADMIN_TLS_KEY",
            "CIVIS_TLS_RELOAD_SECONDS",
            "CIVIS_KEYSTORE_PASSWORD",
            "CIVIS_PKCS11_CONFIG",
            "CIVIS_ID_SCHEMA",
            "CIVIS_UIN_LENGTH",
            "CIVIS_VID_LENGTH",
            "CIVIS_UIN_DENY_LIST",
            "CIVIS_HZ_CLUSTER_NAME",
            "CIVIS_HZ_BIND",
            "CIVIS_HZ_PORT",
            "CIVIS_HZ_MEMBERS",
            "CIVIS_AUTH_TIME_WINDOW_SECONDS",
            "CIVIS_OTP_TTL_SECONDS",
            "CIVIS_OTP_ATTEMPTS",
            "CIVIS_OTP_MAX_REQUESTS",
            "CIVIS_OTP_REQUEST_WINDOW_SECONDS",
            "CIVIS_OTP_CHANNEL",
            "CIVIS_OTP_WEBHOOK_URL",
            "CIVIS_AUTH_RECORD_FLUSH_MS", // no longer read: warned about (see auth())
            "CIVIS_RESIDENT_OTP_PER_ADDRESS",
            "CIVIS_RESIDENT_OTP_ADDRESS_WINDOW_SECONDS",
            "CIVIS_TRUSTED_PROXIES",
            "CIVIS_RESIDENT_SESSION_SECONDS",
            "CIVIS_AUTH_CACHE_WARM",
            "CIVIS_AUTH_NEAR_CACHE_ENTRIES",
            "CIVIS_BIO_MATCH_THRESHOLD",
            "CIVIS_BIO_DEDUP_THRESHOLD",
            "CIVIS_BIO_MIN_MINUTIAE",
            "CIVIS_BIO_MAX_CANDIDATES",
            "CIVIS_BIO_KEEP_IMAGES",
            "CIVIS_BIO_GALLERY",
            "CIVIS_BIO_FUSION",
            "CIVIS_BIO_WORKERS",
            "CIVIS_PUBLIC_BASE_URL",
            "CIVIS_OIDC_CONSENT_DAYS",
            "CIVIS_ISSUER_ID",
            "CIVIS_ISSUER_NAME",
            "CIVIS_ISSUER_ALG",
            "CIVIS_CREDENTIAL_VALIDITY_DAYS",
            "CIVIS_STATUS_LIST_TTL_SECONDS",
            "CIVIS_STATUS_LIST_VALIDITY_SECONDS",
            "CIVIS_STATUS_LIST_REFRESH_SECONDS",
            "CIVIS_OPERATOR_ISSUER",
            "CIVIS_OPERATOR_JWKS_URL",
            "CIVIS_OPERATOR_AUDIENCE",
            "CIVIS_OPERATOR_ROLES_CLAIM",
            "CIVIS_OPERATOR_JWKS_REFRESH_SECONDS",
            "CIVIS_METRICS");

    /** Read by the {@code civis} launcher and by logback, not here, but ours all the same. */
    private static final Set<String> LAUNCHER =
            Set.of(CONFIG_FILE, "CIVIS_JAVA_OPTS", "CIVIS_LOG_LEVEL", "CIVIS_LOG_FORMAT");

    private static final String PREFIX = "CIVIS_";
    private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);

    private final Map<String, String> values;

    private ConfigLoader(Map<String, String> values) {
        this.values = values;
    }

    /** The configuration of this process: its environment over the optional file. */
    public static CivisConfig fromEnvironment() {
        Map<String, String> environment = System.getenv();
        checkLogFormat(environment.get("CIVIS_LOG_FORMAT"));
        Set<String> unknown = unknownNames(environment);
        if (!unknown.isEmpty()) {
            LOG.warn("ignoring unknown settings in the environment (a typo leaves the default in force): {}", unknown);
        }
        return load(environment);
    }

    /**
     * Logback has read {@code CIVIS_LOG_FORMAT} already (and fell back to text on a wrong value); the
     * server still refuses to start on a typo, as it does for its own settings.
     */
    static void checkLogFormat(String format) {
        if (format != null
                && !format.isBlank()
                && !format.trim().equals("text")
                && !format.trim().equals("json")) {
            throw new IllegalArgumentException("CIVIS_LOG_FORMAT must be text or json");
        }
    }

    /** The {@code CIVIS_} names in {@code environment} that no part of Civis reads, sorted. */
    static Set<String> unknownNames(Map<String, String> environment) {
        Set<String> unknown = new TreeSet<>();
        for (String name : environment.keySet()) {
            if (name.startsWith(PREFIX) && !KNOWN.contains(name) && !LAUNCHER.contains(name)) {
                unknown.add(name);
            }
        }
        return unknown;
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
        String publicHost = text("CIVIS_PUBLIC_HOST", "127.0.0.1");
        int publicPort = integer("CIVIS_PUBLIC_PORT", 8080, 0, 65535);
        HttpSettings http = http();
        return new CivisConfig(
                Path.of(text("CIVIS_DATA_DIR", "civis-data")),
                optional("CIVIS_DB_URL"),
                integer("CIVIS_DB_POOL_SIZE", 16, 1, 512),
                durability(),
                publicHost,
                publicPort,
                text("CIVIS_ADMIN_HOST", "127.0.0.1"),
                integer("CIVIS_ADMIN_PORT", 8081, 0, 65535),
                integer("CIVIS_HTTP_INSTANCES", cores, 1, 256),
                http,
                optional("CIVIS_KEYSTORE_PASSWORD"),
                optional("CIVIS_PKCS11_CONFIG").map(Path::of),
                optional("CIVIS_ID_SCHEMA").map(Path::of),
                integer("CIVIS_UIN_LENGTH", 10, 8, 32),
                integer("CIVIS_VID_LENGTH", 16, 12, 32),
                new LinkedHashSet<>(list("CIVIS_UIN_DENY_LIST")),
                text("CIVIS_HZ_CLUSTER_NAME", "civis"),
                text("CIVIS_HZ_BIND", "127.0.0.1"),
                integer("CIVIS_HZ_PORT", 5701, 1, 65535),
                list("CIVIS_HZ_MEMBERS"),
                auth(),
                biometrics(cores),
                issuance(publicHost, publicPort, http.publicTls().isPresent()),
                operators(),
                flag("CIVIS_METRICS", true),
                new OidcSettings(
                        publicBaseUrl(publicHost, publicPort, http.publicTls().isPresent()),
                        Duration.ofDays(integer("CIVIS_OIDC_CONSENT_DAYS", 180, 1, 3660))));
    }

    /** No issuer configured: the development issuer in the data directory (see OperatorSettings). */
    private OperatorSettings operators() {
        return new OperatorSettings(
                optional("CIVIS_OPERATOR_ISSUER"),
                optional("CIVIS_OPERATOR_JWKS_URL").map(URI::create),
                text("CIVIS_OPERATOR_AUDIENCE", OperatorSettings.DEFAULT_AUDIENCE),
                RolesClaim.parse(text("CIVIS_OPERATOR_ROLES_CLAIM", "realm_access.roles")),
                seconds("CIVIS_OPERATOR_JWKS_REFRESH_SECONDS", 600, 60, 86_400));
    }

    private Durability durability() {
        String value = text("CIVIS_DB_DURABILITY", "durable");
        return switch (value) {
            case "durable" -> Durability.DURABLE;
            case "relaxed" -> Durability.RELAXED;
            default -> throw new IllegalArgumentException("CIVIS_DB_DURABILITY must be durable or relaxed");
        };
    }

    private HttpSettings http() {
        int small = integer("CIVIS_MAX_SMALL_BODY_BYTES", 16 * 1024, 1024, Integer.MAX_VALUE);
        int large = integer("CIVIS_MAX_BODY_BYTES", 8 * 1024 * 1024, 1024, Integer.MAX_VALUE);
        int inFlight = integer("CIVIS_MAX_BUFFERED_BODY_BYTES", 256 * 1024 * 1024, 1024, Integer.MAX_VALUE);
        if (small > large) {
            throw new IllegalArgumentException("CIVIS_MAX_SMALL_BODY_BYTES must not exceed CIVIS_MAX_BODY_BYTES");
        }
        if (inFlight < large) {
            throw new IllegalArgumentException("CIVIS_MAX_BUFFERED_BODY_BYTES must be at least CIVIS_MAX_BODY_BYTES");
        }
        BodyLimits bodies =
                new BodyLimits(small, large, inFlight, seconds("CIVIS_HTTP_REQUEST_TIMEOUT_SECONDS", 30, 1, 3600));
        return new HttpSettings(
                seconds("CIVIS_HTTP_IDLE_TIMEOUT_SECONDS", 30, 1, 86_400),
                bodies,
                tls("CIVIS_PUBLIC_TLS_CERT", "CIVIS_PUBLIC_TLS_KEY"),
                tls("CIVIS_ADMIN_TLS_CERT", "CIVIS_ADMIN_TLS_KEY"),
                seconds("CIVIS_TLS_RELOAD_SECONDS", 60, 1, 86_400));
    }

    private Optional<TlsFiles> tls(String certificate, String key) {
        Optional<Path> chain = optional(certificate).map(Path::of);
        Optional<Path> privateKey = optional(key).map(Path::of);
        if (chain.isPresent() != privateKey.isPresent()) {
            throw new IllegalArgumentException(certificate + " and " + key + " must be set together");
        }
        return chain.map(path -> new TlsFiles(path, privateKey.get()));
    }

    /** {@code CIVIS_PUBLIC_BASE_URL}, by default the public listener's own address. */
    private URI publicBaseUrl(String publicHost, int publicPort, boolean publicTls) {
        String host = publicHost.contains(":") ? "[" + publicHost + "]" : publicHost; // an IPv6 literal
        String scheme = publicTls ? "https" : "http";
        return url("CIVIS_PUBLIC_BASE_URL", text("CIVIS_PUBLIC_BASE_URL", scheme + "://" + host + ":" + publicPort));
    }

    private IssuanceSettings issuance(String publicHost, int publicPort, boolean publicTls) {
        URI baseUrl = publicBaseUrl(publicHost, publicPort, publicTls);
        String algorithm = text("CIVIS_ISSUER_ALG", "EdDSA");
        return new IssuanceSettings(
                text("CIVIS_ISSUER_ID", baseUrl.toString()),
                text("CIVIS_ISSUER_NAME", "Civis ID Authority"),
                SigningAlgorithm.byJoseName(algorithm)
                        .orElseThrow(() -> new IllegalArgumentException("CIVIS_ISSUER_ALG must be EdDSA or ES256")),
                Duration.ofDays(integer("CIVIS_CREDENTIAL_VALIDITY_DAYS", 5 * 365 + 1, 1, 20 * 366)),
                seconds("CIVIS_STATUS_LIST_TTL_SECONDS", 3600, 60, 30 * 86_400),
                seconds("CIVIS_STATUS_LIST_VALIDITY_SECONDS", 7 * 86_400, 60, 366 * 86_400),
                seconds("CIVIS_STATUS_LIST_REFRESH_SECONDS", 30, 0, 86_400),
                baseUrl);
    }

    private AuthSettings auth() {
        String channel = text("CIVIS_OTP_CHANNEL", "outbox").toUpperCase(java.util.Locale.ROOT);
        AuthSettings.OtpDelivery delivery;
        try {
            delivery = AuthSettings.OtpDelivery.valueOf(channel);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("CIVIS_OTP_CHANNEL must be outbox or webhook");
        }
        if (optional("CIVIS_AUTH_RECORD_FLUSH_MS").isPresent()) {
            LOG.warn("CIVIS_AUTH_RECORD_FLUSH_MS is no longer used and is ignored: each answer now waits for"
                    + " its record's commit, and records are written as soon as the previous write ends");
        }
        return new AuthSettings(
                seconds("CIVIS_AUTH_TIME_WINDOW_SECONDS", 300, 1, 3600),
                seconds("CIVIS_OTP_TTL_SECONDS", 180, 1, 3600),
                integer("CIVIS_OTP_ATTEMPTS", 3, 1, 10),
                integer("CIVIS_OTP_MAX_REQUESTS", 5, 1, 1000),
                seconds("CIVIS_OTP_REQUEST_WINDOW_SECONDS", 900, 1, 86_400),
                delivery,
                optional("CIVIS_OTP_WEBHOOK_URL").map(ConfigLoader::webhook),
                integer("CIVIS_RESIDENT_OTP_PER_ADDRESS", 10, 1, 100_000),
                seconds("CIVIS_RESIDENT_OTP_ADDRESS_WINDOW_SECONDS", 900, 1, 86_400),
                new LinkedHashSet<>(list("CIVIS_TRUSTED_PROXIES")),
                seconds("CIVIS_RESIDENT_SESSION_SECONDS", 900, 60, 86_400),
                flag("CIVIS_AUTH_CACHE_WARM", true),
                integer("CIVIS_AUTH_NEAR_CACHE_ENTRIES", 1_000_000, 1_000, 100_000_000));
    }

    private boolean flag(String name, boolean defaultValue) {
        String value = text(name, String.valueOf(defaultValue));
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException(name + " must be true or false");
        }
        return Boolean.parseBoolean(value);
    }

    private BiometricSettings biometrics(int cores) {
        BiometricSettings defaults = BiometricSettings.defaults();
        String fusion = text("CIVIS_BIO_FUSION", defaults.fusion().name()).toUpperCase(java.util.Locale.ROOT);
        FusionRule rule;
        try {
            rule = FusionRule.valueOf(fusion);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("CIVIS_BIO_FUSION must be ANY, ALL or BEST_TWO");
        }
        return new BiometricSettings(
                integer("CIVIS_BIO_MIN_MINUTIAE", defaults.minMinutiae(), 1, 100),
                integer("CIVIS_BIO_MATCH_THRESHOLD", (int) defaults.matchThreshold(), 1, 1000),
                integer("CIVIS_BIO_DEDUP_THRESHOLD", (int) defaults.dedupThreshold(), 1, 1000),
                integer("CIVIS_BIO_MAX_CANDIDATES", defaults.maxCandidates(), 1, 1000),
                flag("CIVIS_BIO_KEEP_IMAGES", false),
                rule,
                integer("CIVIS_BIO_WORKERS", cores, 1, 256),
                defaults.queueLimit(),
                flag("CIVIS_BIO_GALLERY", true));
    }

    private Duration seconds(String name, int fallback, int min, int max) {
        return Duration.ofSeconds(integer(name, fallback, min, max));
    }

    private static URI url(String name, String value) {
        try {
            URI uri = new URI(value);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException(name + " must be an absolute http(s) URL");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(name + " is not a URL");
        }
    }

    private static URI webhook(String url) {
        try {
            URI uri = new URI(url);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                throw new IllegalArgumentException("CIVIS_OTP_WEBHOOK_URL must be an http(s) URL");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("CIVIS_OTP_WEBHOOK_URL is not a URL");
        }
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
