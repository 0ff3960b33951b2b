package org.civis.auth.view;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import org.civis.auth.cluster.CacheSeal;
import org.civis.auth.cluster.ClusterMaps;
import org.civis.auth.cluster.EntryMac;
import org.civis.auth.cluster.PutIfNewer;
import org.civis.auth.cluster.RemoveForged;
import org.civis.auth.cluster.VertxFutures;
import org.civis.auth.demo.MatchData;
import org.civis.core.authfacts.AuthFacts;
import org.civis.core.authfacts.AuthFactsReader;
import org.civis.core.biometrics.EnrolledFingerprint;
import org.civis.core.biometrics.FingerprintRecord;
import org.civis.core.concurrent.OrderedSlices;
import org.civis.core.crypto.Gcm;
import org.civis.core.id.Uin;
import org.civis.core.id.Vid;
import org.civis.core.identity.IdentityChanges;
import org.civis.core.lock.AuthLock;
import org.civis.core.schema.IdSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The auth views in the cluster cache. A miss loads from PostgreSQL; the registry calls
 * {@link #changed(Uin)} after each committed change, which stores the new view before the registry
 * call completes, so the next request on any node sees it.
 *
 * <p>The cluster is not trusted with views: each view and each VID's owner carries a tag under a
 * key outside the cluster ({@link EntryMac}) over every field, so a member cannot flip a status,
 * drop a lock or a revoked VID, or point a VID at another resident. A value whose tag fails is
 * never used: it is read again from PostgreSQL and replaced.
 */
public final class AuthViews implements IdentityChanges {
    private static final Logger LOG = LoggerFactory.getLogger(AuthViews.class);
    private static final int BUILD_SLICES = Runtime.getRuntime().availableProcessors();

    private final IMap<String, AuthView> views;
    private final IMap<String, VidOwner> vidOwners;
    private final AuthFactsReader reader;
    private final IdSchema schema;
    private final CacheSeal seal;
    private final EntryMac mac;
    private final Vertx vertx;

    public AuthViews(
            HazelcastInstance hazelcast,
            AuthFactsReader reader,
            IdSchema schema,
            CacheSeal seal,
            EntryMac mac,
            Vertx vertx) {
        this.views = hazelcast.getMap(ClusterMaps.AUTH_VIEWS);
        this.vidOwners = hazelcast.getMap(ClusterMaps.VID_OWNERS);
        this.reader = reader;
        this.schema = schema;
        this.seal = seal;
        this.mac = mac;
        this.vertx = vertx;
    }

    /** The view of an identity, or empty when no identity has this UIN. */
    public Future<Optional<AuthView>> byUin(Uin uin) {
        return VertxFutures.of(views.getAsync(uin.value())).compose(view -> {
            if (view == null) {
                return load(uin);
            }
            if (!tag(view).matches(view.tag())) {
                LOG.warn("a cached auth view in the cluster failed authentication and was refused");
                return VertxFutures.of(views.submitToKey(uin.value(), new RemoveForged<AuthView>(view.tag())))
                        .compose(removed -> load(uin));
            }
            return Future.succeededFuture(Optional.of(view));
        });
    }

    /** The UIN a VID stands for, or empty for an unknown VID. The pairing never changes once made. */
    public Future<Optional<Uin>> ownerOf(Vid vid) {
        return VertxFutures.of(vidOwners.getAsync(vid.value())).compose(owner -> {
            if (owner != null && ownerTag(vid.value(), owner.uin()).matches(owner.tag())) {
                return Future.succeededFuture(Optional.of(new Uin(owner.uin())));
            }
            if (owner != null) {
                LOG.warn("a cached VID owner in the cluster failed authentication and was refused");
            }
            // An unconditional put: the pairing never changes, so the database's answer is the only one.
            return reader.ownerOf(vid)
                    .compose(found -> found.isEmpty()
                            ? Future.succeededFuture(found)
                            : VertxFutures.of(vidOwners.setAsync(
                                            vid.value(),
                                            new VidOwner(
                                                    found.get().value(),
                                                    ownerTag(
                                                                    vid.value(),
                                                                    found.get().value())
                                                            .tag())))
                                    .map(found));
        });
    }

    @Override
    public Future<Void> changed(Uin uin) {
        return load(uin).mapEmpty();
    }

    /** The personal data of a view, opened for matching; never stored opened. */
    public MatchData matchData(AuthView view) {
        try {
            return MatchData.fromBytes(
                    seal.open(view.sealedMatchData(), associatedData(view.uin().value())));
        } catch (AEADBadTagException e) {
            // Written by this cluster under its own key: a failure here is a broken node, not bad input.
            throw new IllegalStateException("a cached auth view does not open with this node's cache key", e);
        }
    }

    /** The enrolled fingerprints of a view, opened for a 1:1 comparison; empty when none are enrolled. */
    public List<EnrolledFingerprint> fingerprints(AuthView view) {
        try {
            return FingerprintRecord.decode(seal.open(
                    view.sealedFingerprints(),
                    fingerprintsAssociatedData(view.uin().value())));
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("a cached auth view does not open with this node's cache key", e);
        }
    }

    private Future<Optional<AuthView>> load(Uin uin) {
        return reader.load(uin)
                .compose(facts -> facts.isEmpty()
                        ? Future.succeededFuture(Optional.<AuthView>empty())
                        : build(facts.get()).compose(view -> VertxFutures.of(
                                        views.submitToKey(view.uin().value(), new PutIfNewer<>(view)))
                                .map(Optional.of(view))));
    }

    /**
     * Stores the views of many identities at once (filling the cache), built on worker threads
     * and written like any load: a view newer than the one built, stored meanwhile by a change,
     * is kept. Completes with the UINs stored.
     */
    public Future<List<String>> storeAll(List<AuthFacts> facts) {
        return buildAll(facts).compose(built -> {
            List<Future<Boolean>> stored = built.stream()
                    .map(view -> VertxFutures.of(views.submitToKey(view.uin().value(), new PutIfNewer<>(view))))
                    .toList();
            return Future.all(stored)
                    .map(all -> built.stream().map(view -> view.uin().value()).toList());
        });
    }

    /**
     * Builds views in one slice per core. The names' phonetic codes are most of a view's cost
     * (more than half of a node's CPU while it warms), so one thread would leave the other cores
     * idle during a warm-up that takes minutes for a million residents.
     */
    private Future<List<AuthView>> buildAll(List<AuthFacts> facts) {
        return OrderedSlices.map(
                facts,
                BUILD_SLICES,
                slice -> vertx.executeBlocking(
                        () -> slice.stream().map(this::view).toList(), false));
    }

    /** Reads views into this node's near cache; blocks, so never on an event loop. */
    public void nearCacheBlocking(List<String> uins) {
        views.getAll(new java.util.HashSet<>(uins));
    }

    private Future<AuthView> build(AuthFacts facts) {
        // Phonetic codes for names cost up to milliseconds: computed off the event loop.
        return vertx.executeBlocking(() -> view(facts), false);
    }

    private AuthView view(AuthFacts facts) {
        AuthView untagged = new AuthView(
                facts.uin(),
                facts.revision(),
                facts.status(),
                // Only locked types: an unlocked one never refuses, and most identities lock nothing.
                facts.locks().values().stream()
                        .filter(AuthLock::locked)
                        .map(LockState::of)
                        .toList(),
                facts.vids().stream().map(VidState::of).toList(),
                seal.seal(
                        MatchData.of(schema, facts.fields()).toBytes(),
                        associatedData(facts.uin().value())),
                seal.seal(
                        FingerprintRecord.encode(facts.fingerprints()),
                        fingerprintsAssociatedData(facts.uin().value())),
                new byte[0]);
        return untagged.withTag(tag(untagged).tag());
    }

    /** Every field of the view but the tag itself, in a fixed order. */
    private EntryMac.Tag tag(AuthView view) {
        EntryMac.Tag tag = mac.of(ClusterMaps.AUTH_VIEWS, view.uin().value())
                .add(view.revision())
                .add(view.status().name())
                .add(view.locks().size());
        for (LockState lock : view.locks()) {
            tag.add(lock.type().name()).add(lock.locked()).add(lock.unlockedUntilMillis());
        }
        tag.add(view.vids().size());
        for (VidState vid : view.vids()) {
            tag.add(vid.vid())
                    .add(vid.type().name())
                    .add(vid.revoked())
                    .add(vid.expiresAtMillis())
                    .add(vid.maxUses())
                    .add(vid.uses());
        }
        return tag.add(nonceAndTag(view.sealedMatchData())).add(nonceAndTag(view.sealedFingerprints()));
    }

    /**
     * A sealed part is bound by its nonce and GCM tag rather than all its bytes (fingerprints run
     * to kilobytes, and views are checked on every request): a different blob with the same nonce
     * and tag that still opens would be a forgery of AES-GCM itself, and every part is opened, with
     * its tag checked, before use. So an older sealed part of the same identity cannot be swapped in.
     */
    private static byte[] nonceAndTag(byte[] sealed) {
        int ends = Gcm.NONCE_BYTES + Gcm.TAG_BYTES;
        if (sealed.length < ends) {
            return sealed;
        }
        byte[] ids = Arrays.copyOf(sealed, ends);
        System.arraycopy(sealed, sealed.length - Gcm.TAG_BYTES, ids, Gcm.NONCE_BYTES, Gcm.TAG_BYTES);
        return ids;
    }

    private EntryMac.Tag ownerTag(String vid, String uin) {
        return mac.of(ClusterMaps.VID_OWNERS, vid).add(uin);
    }

    private static byte[] fingerprintsAssociatedData(String uin) {
        return ("auth-view-fingerprints:" + uin).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] associatedData(String uin) {
        return ("auth-view:" + uin).getBytes(StandardCharsets.UTF_8);
    }
}
