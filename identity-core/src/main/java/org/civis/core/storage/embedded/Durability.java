package org.civis.core.storage.embedded;

/**
 * How the embedded PostgreSQL commits. {@link #DURABLE} is the default and the only mode for real
 * data: an answer means the change is on disk. {@link #RELAXED} is for seeding and benchmarks only.
 */
public enum Durability {
    /** fsync, synchronous_commit and full_page_writes on: an acknowledged commit survives any crash. */
    DURABLE,
    /**
     * synchronous_commit off, fsync and full_page_writes still on: the cluster is never corrupted,
     * but a crash of PostgreSQL or of the machine may lose the commits of the last ~0.6 s (three
     * wal_writer_delay periods) after they were answered.
     */
    RELAXED;

    /** The name used in {@code CIVIS_DB_DURABILITY}. */
    public String settingName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
