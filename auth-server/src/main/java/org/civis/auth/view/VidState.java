package org.civis.auth.view;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import org.civis.core.vid.VidType;
import org.civis.core.vid.VirtualId;

/** One VID as cached: enough to refuse a revoked, expired or used-up VID without the database. */
public record VidState(String vid, VidType type, boolean revoked, long expiresAtMillis, int maxUses, int uses)
        implements Serializable {

    static VidState of(VirtualId vid) {
        return new VidState(
                vid.vid().value(),
                vid.type(),
                vid.revoked(),
                vid.expiresAt().map(Instant::toEpochMilli).orElse(0L),
                vid.maxUses().orElse(0),
                vid.uses());
    }

    public boolean limitedUses() {
        return maxUses > 0;
    }

    /** Empty when usable at {@code instant}; the same rules as the registry's {@link VirtualId}. */
    public Optional<VirtualId.Refusal> refusalAt(Instant instant) {
        if (revoked) {
            return Optional.of(VirtualId.Refusal.VID_REVOKED);
        }
        if (expiresAtMillis != 0 && instant.toEpochMilli() >= expiresAtMillis) {
            return Optional.of(VirtualId.Refusal.VID_EXPIRED);
        }
        if (maxUses > 0 && uses >= maxUses) {
            return Optional.of(VirtualId.Refusal.VID_USED_UP);
        }
        return Optional.empty();
    }
}
