package org.civis.core.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals values with envelope encryption: a fresh AES-256-GCM data key per record, wrapped by the master key.
 * The caller's associated data (for example UIN and version) is authenticated with the ciphertext, so a sealed
 * value copied into another row fails to open. Thread-safe.
 */
public final class EnvelopeCipher {

    private static final int DATA_KEY_BYTES = 32;

    private final MasterKey masterKey;

    public EnvelopeCipher(MasterKey masterKey) {
        this.masterKey = Objects.requireNonNull(masterKey, "masterKey");
    }

    public SealedRecord seal(byte[] plaintext, byte[] associatedData) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(associatedData, "associatedData");
        byte[] dataKey = new byte[DATA_KEY_BYTES];
        try {
            Gcm.RANDOM.nextBytes(dataKey);
            byte[] nonce = Gcm.freshNonce();
            byte[] ciphertext = encrypt(dataKey, nonce, plaintext, associatedData);
            return new SealedRecord(masterKey.id(), masterKey.wrap(dataKey), nonce, ciphertext);
        } finally {
            // Best effort: the JCE keeps internal copies we cannot reach, but ours does not linger on the heap.
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /**
     * @throws RecordDecryptionException if the record was altered, the associated data differs from sealing,
     *     or the record belongs to another master key
     */
    public byte[] open(SealedRecord record, byte[] associatedData) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(associatedData, "associatedData");
        if (!record.keyId().equals(masterKey.id())) {
            throw new RecordDecryptionException("record is sealed under master key '" + record.keyId()
                    + "', this cipher holds '" + masterKey.id() + "'");
        }
        byte[] nonce = record.nonce();
        if (nonce.length != Gcm.NONCE_BYTES) {
            throw new RecordDecryptionException(
                    "record nonce has " + nonce.length + " bytes, expected " + Gcm.NONCE_BYTES);
        }
        byte[] dataKey = unwrap(record.wrappedKey());
        try {
            if (dataKey.length != DATA_KEY_BYTES) {
                throw new RecordDecryptionException("record data key has the wrong length");
            }
            Cipher cipher =
                    Gcm.initialised(Cipher.DECRYPT_MODE, new SecretKeySpec(dataKey, "AES"), nonce, associatedData);
            return cipher.doFinal(record.ciphertext());
        } catch (AEADBadTagException e) {
            throw new RecordDecryptionException(
                    "record failed authentication: altered, or opened with different associated data", e);
        } catch (GeneralSecurityException e) {
            throw new RecordDecryptionException("record could not be decrypted", e);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    private byte[] unwrap(byte[] wrappedKey) {
        try {
            return masterKey.unwrap(wrappedKey);
        } catch (KeyUnwrapException e) {
            throw new RecordDecryptionException("record data key could not be unwrapped", e);
        }
    }

    private static byte[] encrypt(byte[] dataKey, byte[] nonce, byte[] plaintext, byte[] associatedData) {
        try {
            Cipher cipher =
                    Gcm.initialised(Cipher.ENCRYPT_MODE, new SecretKeySpec(dataKey, "AES"), nonce, associatedData);
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            // Only a broken JDK install gets here: AES-GCM is mandatory in every Java SE runtime.
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }
}
