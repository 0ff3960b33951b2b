package org.civis.core.keys;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.util.Objects;
import java.util.function.BiFunction;
import javax.crypto.KeyGenerator;

/**
 * What every Civis keystore file shares: PKCS12 with an explicitly named entry protection, atomic
 * owner-only writes, and a wrong password reported as such. Used by the registry's keystore and
 * the auth server's.
 */
public final class Pkcs12Files {
    private static final String KEYSTORE_TYPE = "PKCS12";
    // Named explicitly so a java.security file configured for legacy PKCS12 algorithms cannot weaken new files.
    private static final String ENTRY_PROTECTION = "PBEWithHmacSHA256AndAES_256";
    private static final int SECRET_KEY_BITS = 256;

    private Pkcs12Files() {}

    /** Makes the entries of a new keystore. */
    @FunctionalInterface
    public interface Generator {
        KeyStore generate(char[] password) throws GeneralSecurityException, IOException;
    }

    /**
     * Loads the keystore at {@code file} and reads it, or, when there is no file yet, generates it, writes it and
     * reads that. The password array is not modified; the caller clears it.
     *
     * @throws IllegalStateException if the password is wrong or the reader refuses the entries
     */
    public static <T> T openOrCreate(
            Path file, char[] password, Generator generator, BiFunction<KeyStore, char[], T> reader) {
        Objects.requireNonNull(file, "file");
        requirePassword(password);
        try {
            if (Files.exists(file)) {
                return reader.apply(load(file, password), password);
            }
            KeyStore created = generator.generate(password);
            store(created, file, password);
            return reader.apply(created, password);
        } catch (IOException e) {
            throw new UncheckedIOException("keystore " + file + " could not be read or written", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("keystore " + file + " could not be created", e);
        }
    }

    /** Refuses a missing or empty password before any file is touched. */
    public static void requirePassword(char[] password) {
        Objects.requireNonNull(password, "password");
        if (password.length == 0) {
            throw new IllegalArgumentException("keystore password must not be empty");
        }
    }

    /** An empty keystore to add entries to. */
    public static KeyStore empty() throws GeneralSecurityException, IOException {
        KeyStore keyStore = KeyStore.getInstance(KEYSTORE_TYPE);
        keyStore.load(null, null);
        return keyStore;
    }

    /**
     * Loads {@code file}.
     *
     * @throws IllegalStateException naming the file (never the password) when the password is wrong
     */
    public static KeyStore load(Path file, char[] password) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore keyStore = KeyStore.getInstance(KEYSTORE_TYPE);
            keyStore.load(in, password);
            return keyStore;
        } catch (IOException e) {
            // PKCS12 reports a failed integrity check (wrong password) as an IOException caused by this.
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new IllegalStateException("keystore password rejected for " + file, e);
            }
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("keystore " + file + " could not be loaded", e);
        }
    }

    /** Writes the keystore to {@code file}: complete or absent after a crash, readable by the owner only. */
    public static void store(KeyStore keyStore, Path file, char[] password)
            throws GeneralSecurityException, IOException {
        ByteArrayOutputStream serialized = new ByteArrayOutputStream();
        keyStore.store(serialized, password);
        OwnerOnlyFiles.writeAtomically(file, serialized.toByteArray());
    }

    /** The protection new entries get; destroy it with {@link #destroyQuietly} when done. */
    public static KeyStore.PasswordProtection entryProtection(char[] password) {
        return new KeyStore.PasswordProtection(password, ENTRY_PROTECTION, null);
    }

    /** A fresh 256-bit secret key entry (AES or HmacSHA256). */
    public static KeyStore.SecretKeyEntry newSecretEntry(String algorithm, SecureRandom random)
            throws GeneralSecurityException {
        KeyGenerator generator = KeyGenerator.getInstance(algorithm);
        generator.init(SECRET_KEY_BITS, random);
        return new KeyStore.SecretKeyEntry(generator.generateKey());
    }

    public static void destroyQuietly(KeyStore.PasswordProtection protection) {
        try {
            protection.destroy();
        } catch (javax.security.auth.DestroyFailedException e) {
            // Only clears a copy of the password; nothing else to do.
        }
    }
}
