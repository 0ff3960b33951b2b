package org.civis.verifier.status;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A Status List Token whose signature has been checked against a trusted key.
 *
 * @param uri the list's uri (its {@code sub})
 * @param ttlSeconds how long the issuer suggests caching it; informative only (see {@link StatusLists})
 * @param bits bits per entry: 1, 2, 4 or 8
 * @param list the inflated list; entry 0 is the least significant bits of byte 0
 */
public record StatusListToken(
        String uri,
        Instant issuedAt,
        Optional<Instant> expiresAt,
        Optional<Long> ttlSeconds,
        int bits,
        byte[] list,
        String source) {
    public StatusListToken {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(ttlSeconds, "ttlSeconds");
        Objects.requireNonNull(source, "source");
        if (bits != 1 && bits != 2 && bits != 4 && bits != 8) {
            throw new IllegalArgumentException("bits must be 1, 2, 4 or 8");
        }
        list = list.clone();
    }

    @Override
    public byte[] list() {
        return list.clone();
    }

    /** How many entries the list holds. */
    public long size() {
        return (long) list.length * 8 / bits;
    }

    /** The status value at an index, or empty if the list is shorter. */
    public Optional<Integer> valueAt(long index) {
        if (index < 0 || index >= size()) {
            return Optional.empty();
        }
        long bit = index * bits;
        int octet = list[(int) (bit / 8)] & 0xff;
        return Optional.of((octet >> (int) (bit % 8)) & ((1 << bits) - 1));
    }

    /** Usable at an instant: issued at or before it and, if it has exp, not yet expired. */
    public boolean currentAt(Instant at) {
        return !issuedAt.isAfter(at) && expiresAt.map(at::isBefore).orElse(true);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StatusListToken t
                && uri.equals(t.uri)
                && issuedAt.equals(t.issuedAt)
                && java.util.Arrays.equals(list, t.list);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uri, issuedAt, java.util.Arrays.hashCode(list));
    }

    @Override
    public String toString() {
        return "StatusListToken[" + uri + ", iat " + issuedAt + ", " + size() + " entries of " + bits + " bits]";
    }
}
