package org.civis.core.population;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The name pools of {@code names.tsv}: per language, male, female and family names with their English forms. */
final class NamePools {
    /** A name as written in its language, and its English transliteration. */
    record Name(String written, String english) {}

    enum Kind {
        MALE,
        FEMALE,
        FAMILY
    }

    private final Map<String, Map<Kind, List<Name>>> pools;

    private NamePools(Map<String, Map<Kind, List<Name>>> pools) {
        this.pools = pools;
    }

    static NamePools load() {
        Map<String, Map<Kind, List<Name>>> pools = new HashMap<>();
        try (InputStream in = NamePools.class.getResourceAsStream("names.tsv");
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                pools.computeIfAbsent(cells[0], l -> new HashMap<>())
                        .computeIfAbsent(
                                Kind.valueOf(cells[1].toUpperCase(java.util.Locale.ROOT)), k -> new ArrayList<>())
                        .add(new Name(cells[2], cells[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the name pools", e);
        }
        return new NamePools(pools);
    }

    List<Name> of(String language, Kind kind) {
        List<Name> names = pools.getOrDefault(language, Map.of()).get(kind);
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException("no " + kind + " names for language " + language);
        }
        return names;
    }
}
