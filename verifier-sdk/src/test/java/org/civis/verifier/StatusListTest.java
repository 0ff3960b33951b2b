package org.civis.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civis.verifier.files.StatusListFiles;
import org.civis.verifier.spec.CoseAlgorithm;
import org.civis.verifier.status.CredentialStatus;
import org.civis.verifier.status.StatusListToken;
import org.civis.verifier.status.StatusLists;
import org.civis.verifier.status.StatusReference;
import org.civis.verifier.trust.KeyRing;
import org.civis.verifier.verdict.ErrorCode;
import org.civis.verifier.verdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatusListTest {
    static final String URI = "https://issuer.civis.example/status/1";
    static final Instant AT = RoundTripTest.AT;
    static final long LIST_IAT = AT.getEpochSecond() - 3600;

    final KeyPair issuer = TestIssuer.keyPair(CoseAlgorithm.EDDSA);
    final KeyRing ring = TestIssuer.ring(TestIssuer.jwk(CoseAlgorithm.EDDSA, issuer, "k"));

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 8})
    void entriesAreReadLeastSignificantBitsFirst(int bits) throws Exception {
        Map<Integer, Integer> values = bits == 1 ? Map.of(0, 1, 9, 1) : Map.of(0, 1, 9, 2, 10, 1);
        StatusLists lists = lists(TestStatusList.token(issuer, "k", URI, LIST_IAT, null, bits, 64, values));
        StatusListToken token = lists.tokens().get(0);

        assertThat(token.valueAt(0)).contains(1);
        assertThat(token.valueAt(1)).contains(0);
        assertThat(token.valueAt(9)).contains(bits == 1 ? 1 : 2);
        assertThat(token.valueAt(token.size())).isEmpty();
    }

    @Test
    void revokedAndSuspendedCredentialsAreCaught() throws Exception {
        StatusLists lists = lists(TestStatusList.token(issuer, "k", URI, LIST_IAT, null, 2, 16, Map.of(3, 1, 4, 2)));
        Verifier verifier = Verifier.builder().keys(ring).statusLists(lists).build();

        VerificationResult revoked = verifier.verify(TestStatusList.credential(issuer, "k", URI, 3, true), AT);
        VerificationResult suspended = verifier.verify(TestStatusList.credential(issuer, "k", URI, 4, true), AT);
        VerificationResult valid = verifier.verify(TestStatusList.credential(issuer, "k", URI, 5, true), AT);
        VerificationResult lenientShape = verifier.verify(TestStatusList.credential(issuer, "k", URI, 3, false), AT);

        assertThat(revoked.verdict()).isEqualTo(Verdict.REVOKED);
        assertThat(revoked.status()).isEqualTo(CredentialStatus.INVALID);
        assertThat(revoked.claims()).isPresent();
        assertThat(suspended.verdict()).isEqualTo(Verdict.SUSPENDED);
        assertThat(valid.verdict()).isEqualTo(Verdict.VALID);
        assertThat(valid.status()).isEqualTo(CredentialStatus.VALID);
        assertThat(lenientShape.verdict()).isEqualTo(Verdict.REVOKED);
    }

    @Test
    void theStatusReferenceIsPartOfTheTypedClaims() throws Exception {
        Verifier verifier = Verifier.builder().keys(ring).build();

        VerificationResult result = verifier.verify(TestStatusList.credential(issuer, "k", URI, 7, true), AT);

        assertThat(result.cwt().orElseThrow().statusReference()).contains(new StatusReference(7, URI));
        assertThat(result.cwt().orElseThrow().rawClaims()).containsKeys("1", "4", "6", "169", "65535");
    }

    @Test
    void aListSignedByAnUntrustedKeyIsNotTrusted() throws Exception {
        KeyPair stranger = TestIssuer.generate(CoseAlgorithm.EDDSA);
        byte[] forged = TestStatusList.token(stranger, "k", URI, LIST_IAT, null, 1, 16, Map.of(3, 1));

        var loaded = StatusListFiles.load(forged, "forged", ring, Limits.DEFAULT, Optional.empty())
                .orElseThrow();
        VerificationResult result = Verifier.builder()
                .keys(ring)
                .statusLists(new StatusLists(loaded.keys()))
                .build()
                .verify(TestStatusList.credential(issuer, "k", URI, 3, true), AT);

        assertThat(loaded.keys()).isEmpty();
        assertThat(loaded.warnings()).singleElement().asString().contains("SIGNATURE_INVALID");
        assertThat(result.verdict()).isEqualTo(Verdict.VALID);
        assertThat(result.status()).isEqualTo(CredentialStatus.UNKNOWN);
    }

    @Test
    void withoutACurrentListForItsUriTheStatusIsUnknownAndTheVerdictStands() throws Exception {
        byte[] otherUri = TestStatusList.token(issuer, "k", URI + "-other", LIST_IAT, null, 1, 16, Map.of(3, 1));
        byte[] expired = TestStatusList.token(issuer, "k", URI, LIST_IAT - 7200, LIST_IAT, 1, 16, Map.of(3, 1));
        byte[] fromTheFuture =
                TestStatusList.token(issuer, "k", URI, AT.getEpochSecond() + 60, null, 1, 16, Map.of(3, 1));
        Verifier verifier = Verifier.builder()
                .keys(ring)
                .statusLists(lists(otherUri, expired, fromTheFuture))
                .build();

        VerificationResult result = verifier.verify(TestStatusList.credential(issuer, "k", URI, 3, true), AT);

        assertThat(result.verdict()).isEqualTo(Verdict.VALID);
        assertThat(result.status()).isEqualTo(CredentialStatus.UNKNOWN);
    }

    @Test
    void theNewestCurrentListWins() throws Exception {
        byte[] older = TestStatusList.token(issuer, "k", URI, LIST_IAT - 100, null, 1, 16, Map.of());
        byte[] newer = TestStatusList.token(issuer, "k", URI, LIST_IAT, null, 1, 16, Map.of(3, 1));
        Verifier verifier =
                Verifier.builder().keys(ring).statusLists(lists(newer, older)).build();

        assertThat(verifier.verify(TestStatusList.credential(issuer, "k", URI, 3, true), AT)
                        .verdict())
                .isEqualTo(Verdict.REVOKED);
        assertThat(verifier.verify(
                                TestStatusList.credential(issuer, "k", URI, 3, true),
                                Instant.ofEpochSecond(LIST_IAT - 50))
                        .status())
                .isEqualTo(CredentialStatus.VALID);
    }

    @Test
    void anIndexBeyondTheListIsMalformed() throws Exception {
        Verifier verifier = Verifier.builder()
                .keys(ring)
                .statusLists(lists(TestStatusList.token(issuer, "k", URI, LIST_IAT, null, 1, 16, Map.of())))
                .build();

        VerificationResult result = verifier.verify(TestStatusList.credential(issuer, "k", URI, 1000, true), AT);

        assertThat(result.error().orElseThrow().code()).isEqualTo(ErrorCode.STATUS_INDEX_OUT_OF_RANGE);
    }

    @Test
    void hexTextAndBundleFilesLoadTheSameToken() throws Exception {
        byte[] token = TestStatusList.token(issuer, "k", URI, LIST_IAT, null, 1, 16, Map.of(3, 1));
        String hex = java.util.HexFormat.of().formatHex(token);
        String bundle = "{\"keys\":[],\"statusLists\":[{\"uri\":\"" + URI + "\",\"token\":\"" + hex + "\"}]}";

        var fromHex = StatusListFiles.load(hex.getBytes(), "hex", ring, Limits.DEFAULT, Optional.empty())
                .orElseThrow();
        var fromBundle = StatusListFiles.load(bundle.getBytes(), "bundle", ring, Limits.DEFAULT, Optional.empty())
                .orElseThrow();

        assertThat(fromHex.keys()).hasSize(1);
        assertThat(fromBundle.keys()).isEqualTo(fromHex.keys());
    }

    StatusLists lists(byte[]... tokens) throws Exception {
        List<StatusListToken> loaded = new java.util.ArrayList<>();
        for (byte[] token : tokens) {
            loaded.addAll(StatusListFiles.load(token, "test", ring, Limits.DEFAULT, Optional.empty())
                    .orElseThrow()
                    .keys());
        }
        return new StatusLists(loaded);
    }
}
