package org.civis.auth.cluster.gallery;

import com.hazelcast.config.Config;
import com.hazelcast.config.ExecutorConfig;

/**
 * The Hazelcast executor scan tasks run on. Its threads only wait while the biometric workers
 * compare, so they cost little; the bounded queue makes a member refuse a burst as busy (which the
 * asker reports as BIOMETRICS_BUSY) instead of queueing searches without limit.
 */
public final class ScanExecutor {
    static final String NAME = "civis-fingerprint-scans";
    private static final int THREADS = 16;
    private static final int QUEUE = 64;

    private ScanExecutor() {}

    public static void configure(Config config) {
        config.addExecutorConfig(new ExecutorConfig(NAME).setPoolSize(THREADS).setQueueCapacity(QUEUE));
    }
}
