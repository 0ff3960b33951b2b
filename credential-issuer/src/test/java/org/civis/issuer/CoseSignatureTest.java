package org.civis.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import com.upokecenter.cbor.CBORObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.civis.core.schema.IdSchema;
import org.civis.issuer.cose.CoseSign1;
import org.civis.issuer.keys.IssuerKey;
import org.civis.issuer.keys.IssuerKeystore;
import org.civis.issuer.keys.SigningAlgorithm;
import org.civis.issuer.samples.CoseMessages;
import org.civis.issuer.samples.SampleHolders;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Credentials verify with plain JCA over a Sig_structure rebuilt from the message, for both algorithms. */
class CoseSignatureTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void theSignatureVerifiesWithJcaAndAlgAndKidAreProtected(SigningAlgorithm algorithm) throws Exception {
        IssuerKey key = key(algorithm);
        IssuedCredential credential = issue(key);

        CBORObject sign1 = CoseMessages.sign1(credential.cwt(), true);
        CBORObject header = CoseMessages.protectedHeader(sign1);
        assertThat(header.size()).isEqualTo(2);
        assertThat(header.get(1).AsInt32Value()).isEqualTo(algorithm.cose().id());
        assertThat(new String(header.get(4).GetByteString(), StandardCharsets.UTF_8))
                .isEqualTo(key.kid())
                .isEqualTo(credential.kid());
        assertThat(sign1.get(1).size()).as("unprotected header").isZero();
        assertThat(sign1.get(3).GetByteString()).hasSize(64);
        assertThat(CoseMessages.verifies(sign1, key.certificate().getPublicKey(), algorithm))
                .isTrue();
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void aChangedClaimOrHeaderNoLongerVerifies(SigningAlgorithm algorithm) throws Exception {
        IssuerKey key = key(algorithm);
        CBORObject sign1 = CoseMessages.sign1(issue(key).cwt(), true);
        byte[] payload = sign1.get(2).GetByteString();
        payload[payload.length - 1] ^= 1;
        CBORObject tampered = CBORObject.NewArray()
                .Add(sign1.get(0))
                .Add(sign1.get(1))
                .Add(payload)
                .Add(sign1.get(3));
        assertThat(CoseMessages.verifies(tampered, key.publicKey(), algorithm)).isFalse();
        CBORObject otherHeader = CBORObject.NewArray()
                .Add(CBORObject.NewMap().Add(1, algorithm.cose().id()).EncodeToBytes())
                .Add(sign1.get(1))
                .Add(sign1.get(2))
                .Add(sign1.get(3));
        assertThat(CoseMessages.verifies(otherHeader, key.publicKey(), algorithm))
                .isFalse();
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void theSizingStandInHasTheSignedMessagesShapeButSignsNothing(SigningAlgorithm algorithm) throws Exception {
        IssuerKey key = key(algorithm);
        byte[] payload =
                CoseMessages.payload(CoseMessages.sign1(issue(key).cwt(), true)).EncodeToBytes();

        byte[] signed = CoseSign1.sign(key, Map.of(), payload, true);
        byte[] standIn = CoseSign1.standIn(key, Map.of(), payload, true);

        assertThat(standIn).hasSameSizeAs(signed).isEqualTo(CoseSign1.standIn(key, Map.of(), payload, true));
        CBORObject standInSign1 = CoseMessages.sign1(standIn, true);
        CBORObject signedSign1 = CoseMessages.sign1(signed, true);
        for (int part = 0; part < 3; part++) {
            assertThat(standInSign1.get(part)).as("part %d", part).isEqualTo(signedSign1.get(part));
        }
        assertThat(standInSign1.get(3).GetByteString()).hasSize(64);
        assertThat(CoseMessages.verifies(standInSign1, key.publicKey(), algorithm))
                .isFalse();
    }

    private IssuerKey key(SigningAlgorithm algorithm) {
        return IssuerKeystore.openOrCreate(dir.resolve("issuer-keys.p12"), "pw".toCharArray(), algorithm, "Test ID")
                .ring()
                .current();
    }

    private static IssuedCredential issue(IssuerKey key) {
        return new CredentialIssuer(IdSchema.defaultSchema())
                .issue(new CredentialRequest(
                        SampleHolders.identity(SampleHolders.uin(7), 1, SampleHolders.typicalFields(7)),
                        "https://id.example.org",
                        Instant.parse("2026-11-25T09:30:00Z"),
                        Instant.parse("2031-11-25T09:30:00Z"),
                        new StatusListEntry("https://id.example.org/statuslists/1", 99),
                        key));
    }
}
