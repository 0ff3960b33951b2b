package org.civis.server.operator;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The identity provider's signing keys, fetched from its JWKS URL with the Vert.x WebClient (never
 * blocking an event loop) and held as an immutable set that is swapped whole. Fetched at start, on
 * a schedule, and when a token names a key not held (at most once per {@code minInterval}, and one
 * fetch at a time, so a flood of made-up key ids costs the IdP one request per interval).
 *
 * <p>When a fetch fails, the keys held stay in use: an IdP outage must not lock every operator out
 * while their tokens are still verifiable. Only keys that can verify an allowed signature are kept
 * (public RSA of 2048 bits or more, public EC; none marked for encryption), at most {@value #MAX_KEYS}.
 */
final class RemoteJwks implements OperatorKeys {
    static final int MAX_KEYS = 64;
    static final int MAX_BODY_BYTES = 256 * 1024;
    static final Duration DEFAULT_MIN_INTERVAL = Duration.ofSeconds(30);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(RemoteJwks.class);

    /** The keys and whether the last attempt to fetch them worked. */
    private record Held(JWKSet keys, boolean loaded, boolean lastFetchFailed) {}

    private final Vertx vertx;
    private final WebClient client;
    private final URI url;
    private final long minIntervalNanos;
    private final AtomicReference<Held> held = new AtomicReference<>(new Held(new JWKSet(), false, false));
    private final Object fetchLock = new Object();
    private Future<KeyRefresh> inFlight; // guarded by fetchLock
    private long lastAttemptNanos; // guarded by fetchLock
    private boolean attempted; // guarded by fetchLock
    private long timer = -1;

    RemoteJwks(Vertx vertx, URI url, Duration minInterval) {
        this.vertx = vertx;
        this.client = WebClient.create(vertx);
        this.url = url;
        this.minIntervalNanos = minInterval.toNanos();
    }

    /**
     * Fetches the keys now and every {@code period}. The future completes with the first fetch's
     * outcome and never fails: a node whose IdP is down starts, and refuses operators until it is up.
     */
    Future<KeyRefresh> start(Duration period) {
        timer = vertx.setPeriodic(period.toMillis(), id -> fetchNow());
        return fetchNow();
    }

    void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        client.close();
    }

    @Override
    public JWKSet current() {
        return held.get().keys();
    }

    @Override
    public Future<KeyRefresh> refresh() {
        synchronized (fetchLock) {
            if (inFlight != null) {
                return inFlight;
            }
            if (attempted && System.nanoTime() - lastAttemptNanos < minIntervalNanos) {
                Held now = held.get();
                return Future.succeededFuture(
                        !now.loaded() || now.lastFetchFailed() ? KeyRefresh.UNAVAILABLE : KeyRefresh.NOT_DUE);
            }
        }
        return fetchNow();
    }

    /** One fetch at a time: a caller arriving during a fetch shares its outcome. */
    private Future<KeyRefresh> fetchNow() {
        synchronized (fetchLock) {
            if (inFlight != null) {
                return inFlight;
            }
            attempted = true;
            lastAttemptNanos = System.nanoTime();
            Future<KeyRefresh> fetch = fetch().transform(result -> {
                synchronized (fetchLock) {
                    inFlight = null;
                }
                return Future.succeededFuture(remember(result.succeeded() ? result.result() : null, result.cause()));
            });
            if (!fetch.isComplete()) {
                inFlight = fetch;
            }
            return fetch;
        }
    }

    private Future<JWKSet> fetch() {
        return client.getAbs(url.toString())
                .putHeader("accept", "application/json, application/jwk-set+json")
                .timeout(FETCH_TIMEOUT.toMillis())
                .as(new BoundedResponseBody(MAX_BODY_BYTES))
                .send()
                .compose(RemoteJwks::parse);
    }

    private KeyRefresh remember(JWKSet fetched, Throwable failure) {
        if (fetched == null) {
            // The cause names the URL or the parse problem, never a token or a key.
            LOG.warn("operator JWKS could not be fetched from {}: {}", url, describe(failure));
            held.updateAndGet(old -> new Held(old.keys(), old.loaded(), true));
            return KeyRefresh.UNAVAILABLE;
        }
        held.set(new Held(fetched, true, false));
        LOG.debug("operator JWKS fetched: {} usable keys", fetched.size());
        return KeyRefresh.REFRESHED;
    }

    private static Future<JWKSet> parse(HttpResponse<io.vertx.core.buffer.Buffer> response) {
        if (response.statusCode() != 200) {
            return Future.failedFuture(new IllegalStateException("HTTP status " + response.statusCode()));
        }
        try {
            JWKSet document = JWKSet.parse(response.body().toString(StandardCharsets.UTF_8));
            return Future.succeededFuture(usable(document));
        } catch (ParseException | IllegalStateException e) {
            return Future.failedFuture(new IllegalStateException("not a usable JWK set: " + e.getMessage()));
        }
    }

    /** The public signing keys worth holding; a set with none is refused so the old keys stay. */
    static JWKSet usable(JWKSet document) {
        List<JWK> keys = new ArrayList<>();
        for (JWK key : document.getKeys()) {
            boolean signing = key.getKeyUse() == null || KeyUse.SIGNATURE.equals(key.getKeyUse());
            boolean strong = !(key instanceof RSAKey rsa) || rsa.size() >= 2048;
            if (signing && strong && key.toPublicJWK() != null) {
                keys.add(key.toPublicJWK());
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("no public signing keys");
        }
        if (keys.size() > MAX_KEYS) {
            throw new IllegalStateException("more than " + MAX_KEYS + " keys");
        }
        return new JWKSet(keys);
    }

    private static String describe(Throwable failure) {
        return failure == null ? "unknown" : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
