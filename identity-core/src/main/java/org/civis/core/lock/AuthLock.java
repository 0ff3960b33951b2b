package org.civis.core.lock;

import java.time.Instant;
import java.util.Optional;

/**
 * The lock state of one auth type. A locked type may be open until {@code unlockedUntil}, after
 * which it is locked again without anyone acting.
 */
public record AuthLock(AuthType type, boolean locked, Optional<Instant> unlockedUntil) {

    public static AuthLock open(AuthType type) {
        return new AuthLock(type, false, Optional.empty());
    }

    /** Whether authentication of this type is refused at {@code instant}. */
    public boolean lockedAt(Instant instant) {
        return locked && unlockedUntil.map(until -> !instant.isBefore(until)).orElse(true);
    }
}
