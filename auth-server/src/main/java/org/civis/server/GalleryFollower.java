package org.civis.server;

import io.vertx.core.Vertx;
import org.civis.core.biometrics.FingerprintGallery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's fingerprint gallery following the template table: loaded at start, then
 * caught up every second, so a finger enrolled through another node is searched here too.
 * Enrollment also catches up before it searches, so the period bounds only idle staleness.
 */
final class GalleryFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GalleryFollower.class);
    private static final long PERIOD_MS = 1_000;

    private final Vertx vertx;
    private final long timer;

    private GalleryFollower(Vertx vertx, long timer) {
        this.vertx = vertx;
        this.timer = timer;
    }

    static GalleryFollower start(Vertx vertx, FingerprintGallery gallery) {
        long started = System.nanoTime();
        gallery.catchUp()
                .onSuccess(loaded -> LOG.info(
                        "fingerprint gallery loaded: {} identities in {} ms",
                        gallery.size(),
                        (System.nanoTime() - started) / 1_000_000))
                .onFailure(failed -> LOG.warn("fingerprint gallery load failed; retrying every second", failed));
        long timer = vertx.setPeriodic(PERIOD_MS, tick -> gallery.catchUp()
                .onFailure(failed -> LOG.warn("fingerprint gallery catch-up failed: {}", failed.toString())));
        return new GalleryFollower(vertx, timer);
    }

    @Override
    public void close() {
        vertx.cancelTimer(timer);
    }
}
