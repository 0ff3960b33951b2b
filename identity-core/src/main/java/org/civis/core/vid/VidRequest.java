package org.civis.core.vid;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a resident or operator asks for. Temporary and one-time VIDs get a default validity when
 * none is given; a perpetual VID takes neither validity nor a use limit.
 */
public record VidRequest(VidType type, Optional<Duration> validity, Optional<Integer> maxUses) {
    static final Duration DEFAULT_TEMPORARY_VALIDITY = Duration.ofMinutes(30);
    static final Duration DEFAULT_ONE_TIME_VALIDITY = Duration.ofHours(24);
    static final Duration LONGEST_VALIDITY = Duration.ofDays(366);

    public VidRequest {
        Objects.requireNonNull(type, "type");
        validity = Objects.requireNonNullElse(validity, Optional.empty());
        maxUses = Objects.requireNonNullElse(maxUses, Optional.empty());
        if (type == VidType.PERPETUAL && (validity.isPresent() || maxUses.isPresent())) {
            throw new IllegalArgumentException("a perpetual VID has no validity and no use limit");
        }
        if (type == VidType.ONE_TIME && maxUses.isPresent()) {
            throw new IllegalArgumentException("a one-time VID is limited to one use by definition");
        }
        validity.ifPresent(v -> {
            if (v.isNegative() || v.isZero() || v.compareTo(LONGEST_VALIDITY) > 0) {
                throw new IllegalArgumentException("validity must be positive and at most 366 days");
            }
        });
        maxUses.ifPresent(n -> {
            if (n < 1) {
                throw new IllegalArgumentException("maxUses must be at least 1");
            }
        });
    }

    public static VidRequest of(VidType type) {
        return new VidRequest(type, Optional.empty(), Optional.empty());
    }

    Optional<Duration> effectiveValidity() {
        return switch (type) {
            case PERPETUAL -> Optional.empty();
            case TEMPORARY -> Optional.of(validity.orElse(DEFAULT_TEMPORARY_VALIDITY));
            case ONE_TIME -> Optional.of(validity.orElse(DEFAULT_ONE_TIME_VALIDITY));
        };
    }

    Optional<Integer> effectiveMaxUses() {
        return type == VidType.ONE_TIME ? Optional.of(1) : maxUses;
    }
}
