package org.civis.auth.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.civis.core.crypto.HmacPerThread;

/**
 * Authenticates values kept in the cluster's maps with a key that never enters Hazelcast, so a
 * member that joined the cluster (Hazelcast open source does not authenticate members) cannot
 * write a value the nodes will trust. A tag is HMAC-SHA256 over the map's name, the entry's key
 * and the value's fields, each length-prefixed: a tag is bound to its slot, so a value cannot be
 * moved to another key or map.
 *
 * <p>What it cannot do: notice an entry that was removed, nor one put back to an earlier value
 * that was once authentic. Callers that care keep their own memory of the newest value they saw.
 * Thread-safe.
 */
public final class EntryMac {

    private final HmacPerThread macs;

    public EntryMac(SecretKey key) {
        this.macs = new HmacPerThread(Objects.requireNonNull(key, "key"));
    }

    /** Starts the tag of the entry {@code key} of map {@code map}; add the value's fields in a fixed order. */
    public Tag of(String map, String key) {
        return new Tag(map, key);
    }

    /** The fields of one value, in order; {@link #tag()} or {@link #matches(byte[])} ends it. */
    public final class Tag {
        // Written by hand rather than through streams: views are checked on every request.
        private byte[] fields = new byte[256];
        private int length;

        private Tag(String map, String key) {
            add(map).add(key);
        }

        public Tag add(String field) {
            return add(field.getBytes(StandardCharsets.UTF_8));
        }

        public Tag add(long field) {
            room(Long.BYTES);
            for (int shift = Long.SIZE - Byte.SIZE; shift >= 0; shift -= Byte.SIZE) {
                fields[length++] = (byte) (field >>> shift);
            }
            return this;
        }

        public Tag add(boolean field) {
            return add(field ? 1L : 0L);
        }

        public Tag add(byte[] field) {
            room(Integer.BYTES + field.length);
            for (int shift = Integer.SIZE - Byte.SIZE; shift >= 0; shift -= Byte.SIZE) {
                fields[length++] = (byte) (field.length >>> shift);
            }
            System.arraycopy(field, 0, fields, length, field.length);
            length += field.length;
            return this;
        }

        public byte[] tag() {
            Mac mac = macs.mac();
            mac.update(fields, 0, length);
            return mac.doFinal();
        }

        /** Constant-time: timing does not tell how much of a forged tag was right. */
        public boolean matches(byte[] presented) {
            return presented != null && MessageDigest.isEqual(tag(), presented);
        }

        private void room(int more) {
            if (length + more > fields.length) {
                fields = Arrays.copyOf(fields, Math.max(2 * fields.length, length + more));
            }
        }
    }
}
