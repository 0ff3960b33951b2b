package org.civis.auth.cluster;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

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
    private static final String ALGORITHM = "HmacSHA256";

    private final ThreadLocal<Mac> macs;

    public EntryMac(SecretKey key) {
        Objects.requireNonNull(key, "key");
        newMac(key); // fail at start-up on an unusable key, not on the first request
        this.macs = ThreadLocal.withInitial(() -> newMac(key));
    }

    /** Starts the tag of the entry {@code key} of map {@code map}; add the value's fields in a fixed order. */
    public Tag of(String map, String key) {
        return new Tag(map, key);
    }

    /** The fields of one value, in order; {@link #tag()} or {@link #matches(byte[])} ends it. */
    public final class Tag {
        private final ByteArrayOutputStream fields = new ByteArrayOutputStream(128);

        private Tag(String map, String key) {
            add(map).add(key);
        }

        public Tag add(String field) {
            return add(field.getBytes(StandardCharsets.UTF_8));
        }

        public Tag add(long field) {
            return add(ByteBuffer.allocate(Long.BYTES).putLong(field).array());
        }

        public Tag add(boolean field) {
            return add(field ? 1L : 0L);
        }

        public Tag add(byte[] field) {
            fields.writeBytes(
                    ByteBuffer.allocate(Integer.BYTES).putInt(field.length).array());
            fields.writeBytes(field);
            return this;
        }

        public byte[] tag() {
            Mac mac = macs.get();
            return mac.doFinal(fields.toByteArray());
        }

        /** Constant-time: timing does not tell how much of a forged tag was right. */
        public boolean matches(byte[] presented) {
            return presented != null && MessageDigest.isEqual(tag(), presented);
        }
    }

    private static Mac newMac(SecretKey key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("key is not usable for " + ALGORITHM, e);
        }
    }
}
