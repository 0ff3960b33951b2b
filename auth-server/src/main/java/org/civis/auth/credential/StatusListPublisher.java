package org.civis.auth.credential;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.civis.core.refusal.Result;
import org.civis.issuer.keys.IssuerKey;
import org.civis.issuer.keys.IssuerKeystore;
import org.civis.issuer.status.SignedStatusListToken;
import org.civis.issuer.status.StatusList;

/**
 * Serves Status List Tokens. Each is derived from the database when it is built (see {@link
 * CredentialStore#nonValidEntries}), never kept as bits that a change must remember to flip, so a
 * crash between a revocation's commit and anything else cannot lose it. A built token is served
 * again while nothing has changed through this node and it is younger than the refresh interval;
 * after that the statuses are derived again, and the token is signed again only if they differ, the
 * signing key changed, or it is older than its ttl. Changes made through other nodes show within
 * the refresh interval.
 */
public final class StatusListPublisher {
    private final Vertx vertx;
    private final CredentialStore store;
    private final IssuerKeystore keys;
    private final IssuanceSettings settings;
    private final Clock clock;
    private final ConcurrentMap<Integer, Built> built = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();

    public StatusListPublisher(
            Vertx vertx, CredentialStore store, IssuerKeystore keys, IssuanceSettings settings, Clock clock) {
        this.vertx = vertx;
        this.store = store;
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Something that may change a status happened through this node (a status change, an update,
     * an issuance, a key rotation): the next request derives the lists again. Only a hint, never
     * the record of the change: losing it delays nothing beyond the refresh interval.
     */
    public void changed() {
        changes.incrementAndGet();
    }

    /** The token of list {@code listId}; refused with STATUS_LIST_NOT_FOUND for a list that does not exist. */
    public Future<Result<SignedStatusListToken>> token(int listId) {
        long seen = changes.get();
        Instant now = clock.instant();
        IssuerKey key = keys.ring().current();
        Built cached = built.get(listId);
        if (cached != null && cached.servable(seen, now, settings, key)) {
            return Result.acceptNow(cached.token());
        }
        return store.capacity(listId).compose(capacity -> {
            if (capacity.isEmpty()) {
                return Result.<SignedStatusListToken>refuseNow(
                        IssuanceError.STATUS_LIST_NOT_FOUND, "no status list has this number");
            }
            return store.nonValidEntries(listId)
                    .compose(entries -> vertx.executeBlocking(
                            () -> rebuild(listId, capacity.get(), entries, seen, now, key), false))
                    .map(Result::accepted);
        });
    }

    /** Every list's token, oldest list first. */
    public Future<List<SignedStatusListToken>> all() {
        return store.listIds()
                // Every id was just read from the store: none is refused.
                .compose(ids -> Future.all(ids.stream()
                        .map(id -> token(id).map(Result::orElseThrow))
                        .toList()))
                .map(done -> done.<SignedStatusListToken>list());
    }

    private SignedStatusListToken rebuild(
            int listId, int capacity, List<CredentialStore.Entry> entries, long seen, Instant now, IssuerKey key) {
        StatusList list = new StatusList(capacity, StatusList.CIVIS_BITS);
        entries.forEach(entry -> list.set(entry.index(), entry.status()));
        Built previous = built.get(listId);
        Built next = Optional.ofNullable(previous)
                .filter(p -> p.list().equals(list) && p.reusableUntil(settings).isAfter(now))
                .filter(p -> p.token().kid().equals(key.kid()))
                .map(p -> new Built(p.list(), p.token(), seen, now))
                .orElseGet(() -> new Built(
                        list,
                        SignedStatusListToken.sign(
                                settings.issuerId(),
                                settings.statusListUri(listId),
                                list,
                                now,
                                settings.statusListTtl(),
                                settings.statusListValidity(),
                                key),
                        seen,
                        now));
        built.put(listId, next);
        return next.token();
    }

    /** A built list, the change count it reflects, and when it was last derived from the database. */
    private record Built(StatusList list, SignedStatusListToken token, long changesSeen, Instant derivedAt) {
        boolean servable(long seen, Instant now, IssuanceSettings settings, IssuerKey key) {
            return changesSeen == seen
                    && now.isBefore(derivedAt.plus(settings.statusListRefresh()))
                    && now.isBefore(reusableUntil(settings))
                    && token.kid().equals(key.kid());
        }

        /** A token is signed again once its ttl has passed, so a verifier fetching it gets a fresh iat and exp. */
        Instant reusableUntil(IssuanceSettings settings) {
            return token.issuedAt().plus(settings.statusListTtl());
        }
    }
}
