package org.civis.issuer.status;

import java.util.Arrays;
import org.civis.issuer.encoding.Zlib;
import org.civis.verifier.spec.TokenStatus;

/**
 * A Token Status List (draft-ietf-oauth-status-list, section "Status List"): {@code bits} bits per
 * entry (1, 2, 4 or 8), entry {@code i} in byte {@code i * bits / 8}, counted from the least
 * significant bit, so entry 0 holds the lowest bits of byte 0. Civis issues with two bits: VALID (0),
 * INVALID (1), SUSPENDED (2). Mutable while being filled; {@link #compressed()} is what a token carries.
 */
public final class StatusList {
    /** What Civis issues with: enough for VALID, INVALID and SUSPENDED. */
    public static final int CIVIS_BITS = 2;

    private final int bits;
    private final int perByte;
    private final int mask;
    private final int capacity;
    private final byte[] bytes;

    /** A list of {@code capacity} entries of {@code bits} bits, all VALID. */
    public StatusList(int capacity, int bits) {
        if (bits != 1 && bits != 2 && bits != 4 && bits != 8) {
            throw new IllegalArgumentException("bits must be 1, 2, 4 or 8");
        }
        this.bits = bits;
        this.perByte = 8 / bits;
        this.mask = (1 << bits) - 1;
        if (capacity <= 0 || capacity % perByte != 0) {
            throw new IllegalArgumentException("capacity must be a positive multiple of " + perByte);
        }
        this.capacity = capacity;
        this.bytes = new byte[capacity / perByte];
    }

    /** A list read back from its byte array (for example a draft's example, or a decompressed {@code lst}). */
    public static StatusList of(byte[] bytes, int bits) {
        StatusList list = new StatusList(bytes.length * (8 / bits), bits);
        System.arraycopy(bytes, 0, list.bytes, 0, bytes.length);
        return list;
    }

    public int bits() {
        return bits;
    }

    public int capacity() {
        return capacity;
    }

    public void set(int index, int status) {
        checkIndex(index);
        if (status < 0 || status > mask) {
            throw new IllegalArgumentException("a status of " + bits + " bits is 0-" + mask);
        }
        int shift = index % perByte * bits;
        int current = bytes[index / perByte] & 0xFF;
        bytes[index / perByte] = (byte) (current & ~(mask << shift) | status << shift);
    }

    /** {@link TokenStatus#VALID}, {@link TokenStatus#INVALID}, {@link TokenStatus#SUSPENDED}, or another value. */
    public int get(int index) {
        checkIndex(index);
        return (bytes[index / perByte] & 0xFF) >> (index % perByte * bits) & mask;
    }

    /** The uncompressed byte array. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The byte array zlib-compressed at the best level: the {@code lst} of a Status List Token. */
    public byte[] compressed() {
        return Zlib.compress(bytes);
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= capacity) {
            throw new IndexOutOfBoundsException("status list index " + index + " outside 0.." + (capacity - 1));
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StatusList that && bits == that.bits && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "StatusList[" + capacity + " entries of " + bits + " bits]";
    }
}
