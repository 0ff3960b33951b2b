package org.civis.core.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * The link function of the chain: HMAC-SHA256 under the audit key over the previous hash and the
 * entry's fields. A keyed hash, not a plain one, so that someone who can write to the database
 * but does not hold the key cannot rebuild the chain after editing a row.
 */
final class ChainHash {
    static final int LENGTH = 32;
    private final SecretKey key;

    ChainHash(SecretKey key) {
        this.key = key;
        newMac(); // fail at start, not on the first append
    }

    byte[] link(
            byte[] previousHash, long seq, Instant at, String actor, String action, String subject, String details) {
        Mac mac = newMac();
        mac.update(previousHash);
        mac.update(ByteBuffer.allocate(16).putLong(seq).putLong(epochMicros(at)).array());
        // Length-prefixed fields: no choice of field contents can make two entries hash alike.
        for (String field : new String[] {actor, action, subject, details}) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            mac.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
            mac.update(bytes);
        }
        return mac.doFinal();
    }

    /** PostgreSQL keeps microseconds; entries are hashed at the precision they are stored at. */
    static long epochMicros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("audit key is not usable for HmacSHA256", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
