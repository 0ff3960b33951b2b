package org.civis.auth.view;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.civis.auth.cluster.Authenticated;
import org.civis.auth.cluster.Revisioned;
import org.civis.core.id.Uin;
import org.civis.core.id.Vid;
import org.civis.core.identity.IdentityStatus;
import org.civis.core.lock.AuthType;

/**
 * What the auth path knows of one identity. Personal data is only in {@code sealedMatchData}
 * (normalized forms and contacts, AES-GCM under the cache key), so the cluster's memory, backups
 * and near caches hold no readable personal data. {@code locks} lists only the locked auth types.
 * {@code tag} authenticates all the rest under a key outside the cluster ({@link AuthViews}).
 */
public record AuthView(
        Uin uin,
        long revision,
        IdentityStatus status,
        List<LockState> locks,
        List<VidState> vids,
        byte[] sealedMatchData,
        byte[] sealedFingerprints,
        byte[] tag)
        implements Revisioned, Authenticated {

    public AuthView {
        locks = List.copyOf(locks);
        vids = List.copyOf(vids);
    }

    /** The same view carrying {@code tag}. */
    AuthView withTag(byte[] tag) {
        return new AuthView(uin, revision, status, locks, vids, sealedMatchData, sealedFingerprints, tag);
    }

    public boolean lockedAt(AuthType type, Instant instant) {
        return locks.stream().anyMatch(lock -> lock.type() == type && lock.lockedAt(instant));
    }

    public Optional<VidState> vid(Vid vid) {
        return vids.stream().filter(v -> v.vid().equals(vid.value())).findFirst();
    }

    @Override
    public String toString() {
        return "AuthView[revision=" + revision + ", status=" + status + "]";
    }
}
