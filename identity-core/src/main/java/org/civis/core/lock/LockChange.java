package org.civis.core.lock;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.civis.core.id.Uin;
import org.civis.core.refusal.Result;

/**
 * A lock or unlock of some auth types, as a resident or an operator asks for it: lock them, or unlock
 * them for good or for {@code openFor}. The HTTP APIs read it from a request body; the rules of what a
 * lock does live in {@link AuthLockService}.
 */
public record LockChange(Set<AuthType> types, boolean locked, Optional<Duration> openFor) {

    public LockChange {
        types = Set.copyOf(types);
        Objects.requireNonNull(openFor, "openFor");
        if (types.isEmpty()) {
            throw new IllegalArgumentException("a lock change names at least one auth type");
        }
        if (locked && openFor.isPresent()) {
            throw new IllegalArgumentException("only an unlock can be for a while");
        }
        if (openFor.isPresent() && (openFor.get().isZero() || openFor.get().isNegative())) {
            throw new IllegalArgumentException("an unlock for a while lasts a positive time");
        }
    }

    public Future<Result<Map<AuthType, AuthLock>>> apply(AuthLockService locks, Uin uin, String actor) {
        return locked ? locks.lock(uin, types, actor) : locks.unlock(uin, types, openFor, actor);
    }
}
