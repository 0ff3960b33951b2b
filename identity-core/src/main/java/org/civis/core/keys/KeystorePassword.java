package org.civis.core.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides the keystore password: the configured one (for example from {@code CIVIS_KEYSTORE_PASSWORD}) if set,
 * otherwise a random one kept in {@code keystore.password} in the data directory, created 0600 on first use.
 * The generated file only makes trying the platform out easy; production sets the password, or keeps its keys
 * on a PKCS#11 token.
 */
public final class KeystorePassword {

    static final String FILE_NAME = "keystore.password";

    private static final int GENERATED_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = LoggerFactory.getLogger(KeystorePassword.class);

    private KeystorePassword() {}

    /** Returns a new array the caller owns and should clear once the keystore is open. */
    public static char[] resolve(Path dataDir, String configuredPasswordOrNull) {
        if (configuredPasswordOrNull != null && !configuredPasswordOrNull.isBlank()) {
            return configuredPasswordOrNull.toCharArray();
        }
        Path file = Objects.requireNonNull(dataDir, "dataDir").resolve(FILE_NAME);
        try {
            return Files.exists(file) ? read(file) : generate(file);
        } catch (IOException e) {
            throw new UncheckedIOException("keystore password file " + file + " could not be read or written", e);
        }
    }

    private static char[] read(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        try {
            int end = content.length;
            // Tolerate the trailing newline an editor adds; the generated file has none.
            while (end > 0 && Character.isWhitespace(content[end - 1])) {
                end--;
            }
            if (end == 0) {
                throw new IllegalStateException("keystore password file " + file + " is empty");
            }
            CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(content, 0, end));
            char[] password = new char[decoded.remaining()];
            decoded.get(password);
            Arrays.fill(decoded.array(), '\0');
            return password;
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    private static char[] generate(Path file) throws IOException {
        byte[] secret = new byte[GENERATED_BYTES];
        byte[] encoded = null;
        try {
            RANDOM.nextBytes(secret);
            encoded = Base64.getUrlEncoder().withoutPadding().encode(secret);
            OwnerOnlyFiles.writeAtomically(file, encoded);
            char[] password = new char[encoded.length];
            for (int i = 0; i < encoded.length; i++) {
                password[i] = (char) encoded[i]; // base64url is ASCII
            }
            LOG.warn(
                    "No keystore password configured: generated a development password file at {}. "
                            + "Set the keystore password (or use PKCS#11) in production.",
                    file);
            return password;
        } finally {
            Arrays.fill(secret, (byte) 0);
            if (encoded != null) {
                Arrays.fill(encoded, (byte) 0);
            }
        }
    }
}
