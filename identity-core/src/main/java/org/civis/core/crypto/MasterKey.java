package org.civis.core.crypto;

/**
 * The key-encryption key that protects per-record data keys. Implementations keep the key itself inside
 * (a keystore entry, a hardware token) and expose only wrapping and unwrapping.
 */
public interface MasterKey {

    /** Stable identifier stored beside every wrapped key, so records can be routed to the right key after rotation. */
    String id();

    /** Encrypts a data key; the result is safe to store. */
    byte[] wrap(byte[] dataKey);

    /**
     * Recovers a data key produced by {@link #wrap}.
     *
     * @throws KeyUnwrapException if the bytes were not wrapped by this key or were altered
     */
    byte[] unwrap(byte[] wrappedDataKey);
}
