package org.civis.core.storage.embedded;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded postmaster again when it dies (a crash, an out-of-memory kill, kill -9),
 * with a growing pause between failed attempts (1 s doubling to 30 s). Meanwhile requests that
 * need the database fail as not ready and readiness reports DOWN; crash recovery replays the WAL,
 * so nothing that was answered is lost.
 */
public final class PostmasterWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PostmasterWatch.class);
    private static final long CHECK_MILLIS = 500;
    private static final long MAX_PAUSE_MILLIS = 30_000;

    private final EmbeddedCluster cluster;
    private final int port;
    private final ScheduledExecutorService timer;
    /** Held while restarting, so that close() waits for an attempt in progress and is not undone by it. */
    private final Object lifecycle = new Object();

    private volatile boolean stopped;
    private long pauseMillis = 1000;
    private long nextAttempt;
    private boolean down;

    public PostmasterWatch(EmbeddedCluster cluster, int port) {
        this.cluster = cluster;
        this.port = port;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "civis-postmaster-watch");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::check, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void check() {
        synchronized (lifecycle) {
            if (stopped || cluster.postmasterPid().isPresent()) {
                return;
            }
            long now = System.nanoTime() / 1_000_000;
            if (!down) {
                down = true;
                nextAttempt = now;
                LOG.warn("the embedded PostgreSQL in {} stopped unexpectedly: starting it again", cluster.directory());
            }
            if (now < nextAttempt) {
                return;
            }
            try {
                cluster.start(port);
                LOG.info("the embedded PostgreSQL is running again on port {}", port);
                down = false;
                pauseMillis = 1000;
            } catch (RuntimeException e) {
                LOG.warn(
                        "the embedded PostgreSQL did not start again ({}); next attempt in {} s",
                        e.getMessage(),
                        pauseMillis / 1000);
                nextAttempt = now + pauseMillis;
                pauseMillis = Math.min(pauseMillis * 2, MAX_PAUSE_MILLIS);
            }
        }
    }

    /** Stops watching; call before stopping the cluster on purpose. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            stopped = true;
        }
        timer.shutdownNow();
    }
}
