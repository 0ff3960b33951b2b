package org.civis.server.operator;

/** What asking for fresh keys achieved. */
enum KeyRefresh {
    /** The keys were fetched just now. */
    REFRESHED,
    /** Fetched too recently to fetch again; the keys held are current as far as anyone knows. */
    NOT_DUE,
    /** The keys cannot be fetched (never were, or the last attempt failed). */
    UNAVAILABLE
}
