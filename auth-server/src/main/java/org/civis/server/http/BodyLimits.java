package org.civis.server.http;

import java.time.Duration;

/**
 * How much of a request body the server holds in memory, and for how long: the limit of a route
 * that takes fingerprint images ({@code large}), of every other route that takes a body
 * ({@code small}), the bytes all in-flight bodies of this node may hold together
 * ({@code inFlight}), and the time from a request's headers to the end of its body
 * ({@code requestTimeout}).
 */
public record BodyLimits(long small, long large, long inFlight, Duration requestTimeout) {

    public BodyLimits {
        if (small < 0 || large < small) {
            throw new IllegalArgumentException("the small body limit must be between 0 and the large one");
        }
        if (inFlight < large) {
            throw new IllegalArgumentException("the in-flight body budget must hold at least one large body");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("the request timeout must be positive");
        }
    }

    /** What a route takes: no body, a small JSON document, or fingerprint images. */
    public enum Kind {
        NONE,
        SMALL,
        LARGE
    }

    long of(Kind kind) {
        return switch (kind) {
            case NONE -> 0;
            case SMALL -> small;
            case LARGE -> large;
        };
    }
}
