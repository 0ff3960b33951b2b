package org.civis.auth.view;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.partition.PartitionService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.civis.core.authfacts.AuthFacts;
import org.civis.core.authfacts.AuthFactsReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the auth cache at start, in the background: every identity's view, page by page in UIN
 * order, then into this node's near cache. Without it the first request for each resident pays
 * the load from PostgreSQL (five statements and the name's phonetic codes, a millisecond of CPU
 * or more), so after a restart a large population is served slowly until each resident has been
 * asked for once. The server is ready before the cache is warm; a request for an identity not
 * yet warmed loads it as before. Each node builds only the views whose partition it owns, so the
 * cluster builds every view once.
 */
public final class AuthCacheWarmer {
    private static final Logger LOG = LoggerFactory.getLogger(AuthCacheWarmer.class);
    private static final int PAGE = 1_000;
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Vertx vertx;
    private final AuthFactsReader reader;
    private final AuthViews views;
    private final PartitionService partitions;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicBoolean warm = new AtomicBoolean();
    private final AtomicLong stored = new AtomicLong();

    public AuthCacheWarmer(Vertx vertx, AuthFactsReader reader, AuthViews views, HazelcastInstance hazelcast) {
        this.vertx = vertx;
        this.reader = reader;
        this.views = views;
        this.partitions = hazelcast.getPartitionService();
    }

    /** Starts warming; returns at once. */
    public AutoCloseable start() {
        long started = System.nanoTime();
        LOG.info("warming the auth cache");
        page(reader.loadPage(Optional.empty(), PAGE), started, started).onComplete(done -> {
            if (done.succeeded()) {
                warm.set(true);
                LOG.info(
                        "auth cache warm: {} views stored by this node in {} s",
                        stored.get(),
                        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
            } else if (!stopped.get()) {
                // Not fatal: every identity still loads on its first request.
                LOG.warn(
                        "warming the auth cache stopped after {} views: {}",
                        stored.get(),
                        done.cause().getClass().getSimpleName());
            }
        });
        return () -> stopped.set(true);
    }

    /** Whether every identity that existed at start has been stored (changes since are stored as made). */
    public boolean warm() {
        return warm.get();
    }

    public long viewsStored() {
        return stored.get();
    }

    /**
     * Stores one page, the next one being read from PostgreSQL meanwhile: the database and the
     * view building (on the workers) overlap instead of taking turns.
     */
    private Future<Void> page(Future<List<AuthFacts>> fetched, long started, long lastReport) {
        if (stopped.get()) {
            return Future.failedFuture(new IllegalStateException("stopped"));
        }
        return fetched.compose(facts -> {
            if (facts.isEmpty()) {
                return Future.succeededFuture();
            }
            Future<List<AuthFacts>> next =
                    reader.loadPage(Optional.of(facts.get(facts.size() - 1).uin()), PAGE);
            List<AuthFacts> mine = facts.stream().filter(this::ownedHere).toList();
            return views.storeAll(mine)
                    .compose(uins -> vertx.executeBlocking(
                            () -> {
                                views.nearCacheBlocking(uins);
                                return uins.size();
                            },
                            false))
                    .compose(count -> {
                        stored.addAndGet(count);
                        long now = System.nanoTime();
                        long reported = lastReport;
                        if (now - lastReport > PROGRESS_EVERY_NANOS) {
                            LOG.info(
                                    "warming the auth cache: {} views in {} s",
                                    stored.get(),
                                    TimeUnit.NANOSECONDS.toSeconds(now - started));
                            reported = now;
                        }
                        return page(next, started, reported);
                    });
        });
    }

    private boolean ownedHere(AuthFacts facts) {
        var owner = partitions.getPartition(facts.uin().value()).getOwner();
        return owner == null || owner.localMember();
    }
}
