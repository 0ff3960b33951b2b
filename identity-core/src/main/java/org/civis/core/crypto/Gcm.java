package org.civis.core.crypto;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The AES-GCM settings shared by key wrapping, record sealing and the auth cache seal, so all use one nonce size
 * and tag size.
 */
public final class Gcm {

    public static final int NONCE_BYTES = 12;
    public static final int TAG_BITS = 128;
    public static final int TAG_BYTES = TAG_BITS / Byte.SIZE;

    // SecureRandom is thread-safe; sharing one avoids seeding a new generator on every seal.
    static final SecureRandom RANDOM = new SecureRandom();

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private Gcm() {}

    public static byte[] freshNonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    /** A new Cipher per call: Cipher instances are stateful and not thread-safe. */
    public static Cipher initialised(int mode, Key key, byte[] nonce, byte[] associatedData)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associatedData);
        return cipher;
    }
}
