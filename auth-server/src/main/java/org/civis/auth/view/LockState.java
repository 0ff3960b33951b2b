package org.civis.auth.view;

import java.io.Serializable;
import java.time.Instant;
import org.civis.core.lock.AuthLock;
import org.civis.core.lock.AuthType;

/** One auth type's lock as cached; {@code unlockedUntilMillis} is 0 when no timed unlock is open. */
public record LockState(AuthType type, boolean locked, long unlockedUntilMillis) implements Serializable {

    static LockState of(AuthLock lock) {
        return new LockState(
                lock.type(),
                lock.locked(),
                lock.unlockedUntil().map(Instant::toEpochMilli).orElse(0L));
    }

    public boolean lockedAt(Instant instant) {
        return locked && (unlockedUntilMillis == 0 || instant.toEpochMilli() >= unlockedUntilMillis);
    }
}
