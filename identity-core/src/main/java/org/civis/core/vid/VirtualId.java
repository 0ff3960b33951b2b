package org.civis.core.vid;

import java.time.Instant;
import java.util.Optional;
import org.civis.core.id.Uin;
import org.civis.core.id.Vid;

/** A virtual ID as stored, and whether it can stand for its UIN at a given instant. */
public record VirtualId(
        Vid vid,
        Uin uin,
        VidType type,
        boolean revoked,
        Instant createdAt,
        Optional<Instant> expiresAt,
        Optional<Integer> maxUses,
        int uses) {

    /** Why a VID cannot be used now, if it cannot. */
    public enum Refusal {
        VID_REVOKED,
        VID_EXPIRED,
        VID_USED_UP
    }

    /** Empty when the VID is usable at {@code instant}, else the reason it is not. */
    public Optional<Refusal> refusalAt(Instant instant) {
        if (revoked) {
            return Optional.of(Refusal.VID_REVOKED);
        }
        if (expiresAt.isPresent() && !instant.isBefore(expiresAt.get())) {
            return Optional.of(Refusal.VID_EXPIRED);
        }
        if (maxUses.isPresent() && uses >= maxUses.get()) {
            return Optional.of(Refusal.VID_USED_UP);
        }
        return Optional.empty();
    }
}
