package org.civis.auth.jose;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Keeps personal data encrypted while it sits in the Hazelcast cache, where other members, backups and heap dumps
 * could otherwise read it: AES-256-GCM, output = 12-byte random nonce || ciphertext || 16-byte tag. The associated
 * data (for example the cache key) binds an entry to its slot, so entries cannot be swapped. Thread-safe.
 *
 * <p>Random 96-bit nonces limit one key to about 2^32 seals (NIST SP 800-38D); rotate the cache key well before.
 */
public final class CacheSeal {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

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
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, associatedData);
            ByteBuffer out = ByteBuffer.allocate(NONCE_BYTES + cipher.getOutputSize(plaintext.length));
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
        if (sealed.length < NONCE_BYTES + TAG_BITS / Byte.SIZE) {
            throw new AEADBadTagException("sealed cache entry is too short");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(sealed, NONCE_BYTES), associatedData);
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cache entry could not be opened", e);
        }
    }

    // A new Cipher per call: Cipher instances are stateful and not thread-safe.
    private Cipher cipher(int mode, byte[] nonce, byte[] associatedData) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associatedData);
        return cipher;
    }
}
