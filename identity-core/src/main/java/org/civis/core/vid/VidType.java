package org.civis.core.vid;

/** The kinds of virtual ID. */
public enum VidType {
    /** No expiry, no use limit; at most one active per identity. */
    PERPETUAL,
    /** Expires; may also have a use limit. */
    TEMPORARY,
    /** Good for one authentication, and expires if unused. */
    ONE_TIME
}
