package org.civis.verifier.files;

import java.util.Objects;

/**
 * What reading a trust, key or status file gave: its usable entries ({@link LoadedKeys}, with a
 * warning per skipped entry), or why the file cannot be read at all ({@link Unreadable}, the
 * operator's mistake, reported before any verification). A value either way: an unreadable file is
 * an expected outcome, not an exception.
 */
public sealed interface FileReading<K> permits LoadedKeys, FileReading.Unreadable {

    /**
     * The entries, for a caller that wrote the file itself (a test, a benchmark), where an
     * unreadable file is a bug: then {@link IllegalStateException} with the reason.
     */
    LoadedKeys<K> orElseThrow();

    /** The file is none of the formats its reader knows; the reason names the file and the problem. */
    record Unreadable<K>(String reason) implements FileReading<K> {
        public Unreadable {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public LoadedKeys<K> orElseThrow() {
            throw new IllegalStateException(reason);
        }
    }
}
