package org.civis.auth.cluster;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import org.civis.core.crypto.Gcm;

/**
 * Keeps personal data encrypted while it sits in the Hazelcast cache, where other members, backups and heap dumps
 * could otherwise read it: AES-256-GCM, output = 12-byte random nonce || ciphertext || 16-byte tag. The associated
 * data (for example the cache key) binds an entry to its slot, so entries cannot be swapped. Thread-safe.
 *
 * <p>Random 96-bit nonces limit one key to about 2^32 seals (NIST SP 800-38D); rotate the cache key well before.
 */
public final class CacheSeal {

    private static final int KEY_BYTES = 32;

    private final SecretKey key;

    public CacheSeal(SecretKey cacheKey) {
        this.key = Objects.requireNonNull(cacheKey, "cacheKey");
        byte[] encoded = cacheKey.getEncoded();
        if (!"AES".equalsIgnoreCase(cacheKey.getAlgorithm()) || (encoded != null && encoded.length != KEY_BYTES)) {
            throw new IllegalArgumentException("cache key must be a 256-bit AES key");
        }
        if (encoded != null) {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    public byte[] seal(byte[] plaintext, byte[] associatedData) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(associatedData, "associatedData");
        byte[] nonce = Gcm.freshNonce();
        try {
            Cipher cipher = Gcm.initialised(Cipher.ENCRYPT_MODE, key, nonce, associatedData);
            ByteBuffer out = ByteBuffer.allocate(Gcm.NONCE_BYTES + cipher.getOutputSize(plaintext.length));
            out.put(nonce);
            cipher.doFinal(ByteBuffer.wrap(plaintext), out);
            return out.array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cache entry could not be sealed", e);
        }
    }

    /**
     * @throws AEADBadTagException if {@code sealed} was altered, truncated, sealed under another key or with other
     *     associated data; treat the entry as absent
     */
    public byte[] open(byte[] sealed, byte[] associatedData) throws AEADBadTagException {
        Objects.requireNonNull(sealed, "sealed");
        Objects.requireNonNull(associatedData, "associatedData");
        if (sealed.length < Gcm.NONCE_BYTES + Gcm.TAG_BYTES) {
            throw new AEADBadTagException("sealed cache entry is too short");
        }
        try {
            Cipher cipher =
                    Gcm.initialised(Cipher.DECRYPT_MODE, key, Arrays.copyOf(sealed, Gcm.NONCE_BYTES), associatedData);
            return cipher.doFinal(sealed, Gcm.NONCE_BYTES, sealed.length - Gcm.NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cache entry could not be opened", e);
        }
    }
}
