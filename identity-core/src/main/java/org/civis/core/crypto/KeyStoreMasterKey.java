package org.civis.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;

/**
 * A master key backed by an AES-256 {@link SecretKey} from a {@link java.security.KeyStore}. Wrapped keys are
 * {@code nonce || ciphertext+tag} under AES-GCM, with the key id as associated data so a wrapped key cannot be
 * passed off as belonging to another key id.
 *
 * <p>The key is only ever handed to {@link Cipher}, never read with {@code getEncoded()}, so a non-extractable
 * key on a PKCS#11 token (loaded through the SunPKCS11 provider) works here unchanged and never leaves the token.
 *
 * <p>NIST SP 800-38D limits one key to 2^32 random-nonce encryptions; each seal wraps once, so rotate to a new
 * key id well before that many records.
 */
public final class KeyStoreMasterKey implements MasterKey {

    private final String id;
    private final byte[] idAsAssociatedData;
    private final SecretKey kek;

    public KeyStoreMasterKey(String id, SecretKey kek) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kek, "kek");
        if (id.isBlank()) {
            throw new IllegalArgumentException("master key id must not be blank");
        }
        if (!"AES".equalsIgnoreCase(kek.getAlgorithm())) {
            throw new IllegalArgumentException("master key '" + id + "' must be an AES key, not " + kek.getAlgorithm());
        }
        this.id = id;
        this.idAsAssociatedData = id.getBytes(StandardCharsets.UTF_8);
        this.kek = kek;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public byte[] wrap(byte[] dataKey) {
        Objects.requireNonNull(dataKey, "dataKey");
        byte[] nonce = Gcm.freshNonce();
        try {
            byte[] sealed = Gcm.initialised(Cipher.ENCRYPT_MODE, kek, nonce, idAsAssociatedData)
                    .doFinal(dataKey);
            byte[] wrapped = Arrays.copyOf(nonce, Gcm.NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, wrapped, Gcm.NONCE_BYTES, sealed.length);
            return wrapped;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("master key '" + id + "' could not wrap a data key", e);
        }
    }

    @Override
    public byte[] unwrap(byte[] wrappedDataKey) {
        Objects.requireNonNull(wrappedDataKey, "wrappedDataKey");
        if (wrappedDataKey.length < Gcm.NONCE_BYTES + Gcm.TAG_BYTES) {
            throw new KeyUnwrapException(
                    "wrapped key for master key '" + id + "' is too short (" + wrappedDataKey.length + " bytes)");
        }
        byte[] nonce = Arrays.copyOfRange(wrappedDataKey, 0, Gcm.NONCE_BYTES);
        try {
            Cipher cipher = Gcm.initialised(Cipher.DECRYPT_MODE, kek, nonce, idAsAssociatedData);
            return cipher.doFinal(wrappedDataKey, Gcm.NONCE_BYTES, wrappedDataKey.length - Gcm.NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new KeyUnwrapException(
                    "master key '" + id + "' could not unwrap the data key: wrong key or altered bytes", e);
        }
    }

    @Override
    public String toString() {
        return "KeyStoreMasterKey[" + id + "]";
    }
}
