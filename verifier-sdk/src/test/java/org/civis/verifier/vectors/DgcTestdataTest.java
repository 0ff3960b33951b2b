package org.civis.verifier.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.civis.verifier.Profile;
import org.civis.verifier.VerificationResult;
import org.civis.verifier.Verifier;
import org.civis.verifier.files.KeyFiles;
import org.civis.verifier.spec.CoseAlgorithm;
import org.civis.verifier.trust.KeyRing;
import org.civis.verifier.verdict.ErrorCode;
import org.civis.verifier.verdict.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * EU Digital COVID Certificate test data (HC1: prefix, X.509 signer certificates, kid = first 8
 * bytes of the certificate's SHA-256). Not Claim 169, so verified with the generic CWT profile.
 */
class DgcTestdataTest {

    @ParameterizedTest(name = "{0}: {1} {2}")
    @CsvSource({"CO1.json, VALID, PS256", "CO3.json, VALID, ES256", "CO5.json, INVALID_SIGNATURE, ES256"})
    void certificateTrustedVectorsGetTheirExpectedVerdict(String file, Verdict expected, String alg) throws Exception {
        Map<String, Object> vector = Vectors.json("dgc-testdata/" + file);
        Map<String, Object> context = Vectors.object(vector, "TESTCTX");
        String pem = "-----BEGIN CERTIFICATE-----\n" + context.get("CERTIFICATE") + "\n-----END CERTIFICATE-----\n";
        KeyRing ring = new KeyRing(
                KeyFiles.signingKeys(pem.getBytes(StandardCharsets.US_ASCII), file)
                        .orElseThrow()
                        .keys(),
                List.of());
        Verifier verifier = Verifier.builder().keys(ring).profile(Profile.CWT).build();
        var at = OffsetDateTime.parse((String) context.get("VALIDATIONCLOCK")).toInstant();

        VerificationResult result = verifier.verify((String) vector.get("PREFIX"), at);
        VerificationResult fromCose = verifier.verifyCose(HexFormat.of().parseHex((String) vector.get("COSE")), at);

        assertThat(result.verdict()).isEqualTo(expected);
        assertThat(fromCose.verdict()).isEqualTo(expected);
        assertThat(result.algorithm().map(CoseAlgorithm::joseName)).contains(alg);
        if (expected == Verdict.VALID) {
            assertThat(result.cwt().orElseThrow().issuer()).contains("AT");
        } else {
            assertThat(result.error().orElseThrow().code()).isEqualTo(ErrorCode.SIGNATURE_INVALID);
        }
    }
}
