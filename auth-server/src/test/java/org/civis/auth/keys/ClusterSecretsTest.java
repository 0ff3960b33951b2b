package org.civis.auth.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster's secrets are derived from auth-keys.p12: nodes sharing the file agree on them. */
class ClusterSecretsTest {

    @TempDir
    Path dataDir;

    @Test
    void nodesWithTheSameKeystoreDeriveTheSameSecretsAndOthersDoNot() {
        AuthKeys node = AuthKeystoreFile.openOrCreate(dataDir.resolve("auth-keys.p12"), "pw".toCharArray());
        AuthKeys sameFile = AuthKeystoreFile.openOrCreate(dataDir.resolve("auth-keys.p12"), "pw".toCharArray());
        AuthKeys otherFile = AuthKeystoreFile.openOrCreate(dataDir.resolve("other.p12"), "pw".toCharArray());

        assertThat(sameFile.clusterEntryKey().getEncoded())
                .isEqualTo(node.clusterEntryKey().getEncoded());
        assertThat(sameFile.clusterJoinSecret("civis")).isEqualTo(node.clusterJoinSecret("civis"));
        assertThat(otherFile.clusterEntryKey().getEncoded())
                .isNotEqualTo(node.clusterEntryKey().getEncoded());
        assertThat(otherFile.clusterJoinSecret("civis")).isNotEqualTo(node.clusterJoinSecret("civis"));
    }

    @Test
    void theJoinSecretDependsOnTheClusterNameAndTheEntryKeyIsNotTheOtpKey() {
        AuthKeys keys = AuthKeystoreFile.openOrCreate(dataDir.resolve("auth-keys.p12"), "pw".toCharArray());

        assertThat(keys.clusterJoinSecret("civis")).hasSize(32).isNotEqualTo(keys.clusterJoinSecret("civis-b"));
        assertThat(keys.clusterEntryKey().getEncoded())
                .isNotEqualTo(keys.otpKey().getEncoded())
                .hasSize(32);
    }
}
