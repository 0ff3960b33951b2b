package org.civis.perf.gatling;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.civis.core.population.SyntheticPopulation;
import org.civis.core.population.SyntheticResident;

/**
 * The residents a data directory was seeded with: UINs from {@code seed/residents.tsv}, everything
 * else rebuilt from the population's seed, and the partner from {@code seed/partner.json}.
 */
public final class SeededPopulation {
    /** A seeded resident and the UIN the registry issued to it. */
    public record Seeded(SyntheticResident resident, String uin) {}

    private final SyntheticPopulation population;
    private final boolean withFingerprints;
    private final long[] indexes;
    private final String[] uins;
    private final JsonObject partner;

    private SeededPopulation(
            SyntheticPopulation population,
            boolean withFingerprints,
            long[] indexes,
            String[] uins,
            JsonObject partner) {
        this.population = population;
        this.withFingerprints = withFingerprints;
        this.indexes = indexes;
        this.uins = uins;
        this.partner = partner;
    }

    public static SeededPopulation read(Path dataDir) {
        Path seed = dataDir.resolve("seed");
        try {
            Properties recorded = new Properties();
            try (var in = Files.newBufferedReader(seed.resolve("population.properties"), StandardCharsets.UTF_8)) {
                recorded.load(in);
            }
            List<String> lines = Files.readAllLines(seed.resolve("residents.tsv"), StandardCharsets.UTF_8);
            List<String> rows = lines.stream().filter(l -> !l.isBlank()).toList();
            if (rows.isEmpty()) {
                throw new IllegalStateException("no seeded residents in " + seed.resolve("residents.tsv"));
            }
            long[] indexes = new long[rows.size()];
            String[] uins = new String[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                String[] cells = rows.get(i).split("\t");
                indexes[i] = Long.parseLong(cells[0]);
                uins[i] = cells[1];
            }
            return new SeededPopulation(
                    new SyntheticPopulation(Long.parseLong(recorded.getProperty("seed"))),
                    Boolean.parseBoolean(recorded.getProperty("withFingerprints")),
                    indexes,
                    uins,
                    new JsonObject(Files.readString(seed.resolve("partner.json"), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("the data directory is not seeded: run civis seed first", e);
        }
    }

    public int size() {
        return uins.length;
    }

    /** The n-th seeded resident, cycling through the first {@code cycle} of them (0: all). */
    public Seeded get(long n, int cycle) {
        int i = (int) Math.floorMod(n, cycle > 0 ? Math.min(cycle, uins.length) : (long) uins.length);
        return new Seeded(population.resident(indexes[i]), uins[i]);
    }

    public boolean withFingerprints() {
        return withFingerprints;
    }

    /** A resident of the same population who was never seeded (for enrollment runs). */
    public SyntheticResident unseeded(long index) {
        return population.resident(index);
    }

    /** partner.json: partnerId, apiKey, signingKey and encryptionKey (private JWKs). */
    public JsonObject partner() {
        return partner.copy();
    }
}
