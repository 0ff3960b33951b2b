package org.civis.auth.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Real keys for the tests: the server's from a real auth keystore, partners' freshly generated. */
public final class TestKeys {

    /** Created once per test JVM through the production code path, so every test exercises keystore-loaded keys. */
    public static final AuthKeys SERVER = createServerKeys();

    private TestKeys() {}

    public static OctetKeyPair ed25519(String kid) {
        try {
            return new OctetKeyPairGenerator(Curve.Ed25519)
                    .keyID(kid)
                    .keyUse(KeyUse.SIGNATURE)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ECKey p256(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RSAKey rsa(int bits, String kid) {
        try {
            return new RSAKeyGenerator(bits, true).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AuthKeys createServerKeys() {
        try {
            Path dir = Files.createTempDirectory("civis-auth-keys");
            Path file = dir.resolve("auth-keys.p12");
            AuthKeys keys = AuthKeystoreFile.openOrCreate(file, "test keystore password".toCharArray());
            Files.delete(file);
            Files.delete(dir);
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
