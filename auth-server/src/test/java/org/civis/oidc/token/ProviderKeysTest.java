package org.civis.oidc.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Arrays;
import org.civis.auth.keys.AuthKeys;
import org.civis.auth.keys.AuthKeystoreFile;
import org.civis.core.keys.Pkcs12Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderKeysTest {
    private static final char[] PASSWORD = "correct horse battery".toCharArray();

    @TempDir
    Path dir;

    @Test
    void anExistingAuthKeystoreGainsTheProviderKeysOnceAndKeepsThem() throws Exception {
        Path file = dir.resolve("auth-keys.p12");
        AuthKeys before = AuthKeystoreFile.openOrCreate(file, PASSWORD);

        ProviderKeys first = ProviderKeys.open(file, PASSWORD);
        byte[] written = Files.readAllBytes(file);
        ProviderKeys second = ProviderKeys.open(file, PASSWORD);

        assertThat(second.publicSet().toJSONObject())
                .isEqualTo(first.publicSet().toJSONObject());
        assertThat(Files.readAllBytes(file)).isEqualTo(written); // read, not written again
        KeyStore onDisk = Pkcs12Files.load(file, PASSWORD);
        assertThat(onDisk.containsAlias(ProviderKeys.RSA_ALIAS)).isTrue();
        assertThat(onDisk.containsAlias(ProviderKeys.EC_ALIAS)).isTrue();
        // The other auth keys are untouched.
        AuthKeys after = AuthKeystoreFile.openOrCreate(file, PASSWORD);
        assertThat(after.signingKey()).isEqualTo(before.signingKey());
        assertThat(Arrays.equals(
                        after.tokenKey().getEncoded(), before.tokenKey().getEncoded()))
                .isTrue();
    }

    @Test
    void copiesOfOneKeystoreGainTheSameKeysOnEveryNode() throws Exception {
        Path node1 = dir.resolve("node1.p12");
        AuthKeystoreFile.openOrCreate(node1, PASSWORD);
        Path node2 = dir.resolve("node2.p12");
        Files.copy(node1, node2);

        ProviderKeys one = ProviderKeys.open(node1, PASSWORD);
        ProviderKeys two = ProviderKeys.open(node2, PASSWORD);

        assertThat(two.jwksJson()).isEqualTo(one.jwksJson());
    }

    @Test
    void theJwksHoldsPublicHalvesNamedByThumbprint() throws Exception {
        Path file = dir.resolve("auth-keys.p12");
        AuthKeystoreFile.openOrCreate(file, PASSWORD);
        ProviderKeys keys = ProviderKeys.open(file, PASSWORD);

        JWKSet set = JWKSet.parse(keys.jwksJson());

        assertThat(set.getKeys()).hasSize(2).noneMatch(JWK::isPrivate);
        RSAKey rsa = (RSAKey) set.getKeyByKeyId(keys.keyId(JWSAlgorithm.RS256));
        assertThat(rsa.size()).isEqualTo(2048);
        assertThat(rsa.getKeyID()).isEqualTo(rsa.computeThumbprint().toString());
        assertThat(keys.keyId(JWSAlgorithm.PS256)).isEqualTo(rsa.getKeyID());
        ECKey ec = (ECKey) set.getKeyByKeyId(keys.keyId(JWSAlgorithm.ES256));
        assertThat(ec.getKeyID()).isEqualTo(ec.computeThumbprint().toString());
        assertThat(keys.toString()).doesNotContain("\"d\"");
    }
}
