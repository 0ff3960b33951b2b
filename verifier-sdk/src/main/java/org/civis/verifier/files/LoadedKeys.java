package org.civis.verifier.files;

import java.util.List;

/** What a key file gave: the usable keys, and a note for each entry that was skipped and why. */
public record LoadedKeys<K>(List<K> keys, List<String> warnings) implements FileReading<K> {
    public LoadedKeys {
        keys = List.copyOf(keys);
        warnings = List.copyOf(warnings);
    }

    @Override
    public LoadedKeys<K> orElseThrow() {
        return this;
    }
}
