package org.civis.verifier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.civis.verifier.TestIssuer;
import org.civis.verifier.image.QrImageReaderTest;
import org.civis.verifier.spec.CoseAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class VerifyCommandTest {
    static final String AT = "2026-06-01T00:00:00Z";

    @TempDir
    Path dir;

    final KeyPair issuer = TestIssuer.keyPair(CoseAlgorithm.EDDSA);

    record Run(int exit, List<Map<String, Object>> lines, String stdout, String stderr) {}

    Run run(String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new VerifyCommand())
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err));
        int exit = command.execute(args);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSONObjectUtils.parse(line));
            }
        }
        return new Run(exit, lines, out.toString(), err.toString());
    }

    Path trust() throws Exception {
        return Files.writeString(
                dir.resolve("jwks.json"), TestIssuer.jwks(TestIssuer.jwk(CoseAlgorithm.EDDSA, issuer, "k")));
    }

    @Test
    void aValidCredentialPrintsOneJsonLineAndExitsZero() throws Exception {
        Run run = run(
                "--trust", trust().toString(), "--at", AT, "--text", TestIssuer.credential(CoseAlgorithm.EDDSA, "k"));

        assertThat(run.exit()).isZero();
        assertThat(run.lines()).hasSize(1);
        Map<String, Object> line = run.lines().get(0);
        assertThat(line)
                .containsEntry("verdict", "VALID")
                .containsEntry("error", null)
                .containsEntry("alg", "EdDSA");
        assertThat(line).containsEntry("kid", HexFormat.of().formatHex("k".getBytes()));
        assertThat(line.keySet())
                .containsExactly("id", "verdict", "error", "alg", "kid", "cwt", "claims", "raw_claims", "status");
        @SuppressWarnings("unchecked")
        Map<String, Object> claims = (Map<String, Object>) line.get("claims");
        assertThat(claims).containsEntry("fullName", "Amara Okafor").containsEntry("dateOfBirth", "1990-01-15");
        assertThat(claims).containsEntry("photo", "/9j/4A==");
        @SuppressWarnings("unchecked")
        Map<String, Object> raw = (Map<String, Object>) line.get("raw_claims");
        assertThat(raw).containsKeys("1", "4", "6", "169");
        @SuppressWarnings("unchecked")
        Map<String, Object> cwt = (Map<String, Object>) line.get("cwt");
        assertThat(((Number) cwt.get("exp")).longValue()).isEqualTo(2_051_222_400L);
    }

    @Test
    void anUntrustedCredentialExitsOneWithItsVerdict() throws Exception {
        Path other = Files.writeString(
                dir.resolve("other.json"),
                TestIssuer.jwks(TestIssuer.jwk(CoseAlgorithm.EDDSA, TestIssuer.generate(CoseAlgorithm.EDDSA), "x")));

        Run run =
                run("--trust", other.toString(), "--at", AT, "--text", TestIssuer.credential(CoseAlgorithm.EDDSA, "k"));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.lines().get(0))
                .containsEntry("verdict", "UNKNOWN_ISSUER")
                .containsEntry("claims", null);
        assertThat(run.lines().get(0).get("error").toString())
                .contains("KEY_UNKNOWN")
                .contains("COSE");
    }

    @Test
    void usageAndFileErrorsExitTwoWithNothingOnStdout() throws Exception {
        Run noInput = run("--at", AT);
        Run twoInputs = run("--text", "A", "--image", "x.png");
        Run missingTrust = run("--trust", dir.resolve("missing.json").toString(), "--text", "A");
        Run badAt = run("--at", "yesterday", "--text", "A");
        Path notKeys = Files.writeString(dir.resolve("garbage.json"), "{not json");
        Run badTrust = run("--trust", notKeys.toString(), "--text", "A");

        for (Run run : List.of(noInput, twoInputs, missingTrust, badAt, badTrust)) {
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.stdout()).isEmpty();
            assertThat(run.stderr()).isNotEmpty();
        }
    }

    @Test
    void aBatchAnswersEachLineInOrderWithItsIdAndRelativeImages() throws Exception {
        Files.createDirectories(dir.resolve("cards"));
        Files.write(
                dir.resolve("cards/one.png"),
                QrImageReaderTest.render(TestIssuer.credential(CoseAlgorithm.EDDSA, "k"), "png", 4));
        Path batch = Files.writeString(
                dir.resolve("batch.jsonl"),
                String.join(
                        "\n",
                        "{\"id\": \"a\", \"text\": \"" + TestIssuer.credential(CoseAlgorithm.EDDSA, "k") + "\"}",
                        "{\"id\": 2, \"image\": \"cards/one.png\"}",
                        "",
                        "{\"id\": \"late\", \"text\": \"" + TestIssuer.credential(CoseAlgorithm.EDDSA, "k")
                                + "\", \"at\": \"2040-01-01T00:00:00Z\"}",
                        "{\"id\": \"junk\", \"text\": \"THIS!IS@NOT#BASE45\"}"));

        Run run = run("--trust", trust().toString(), "--at", AT, "--batch", batch.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.lines()).extracting(l -> String.valueOf(l.get("id"))).containsExactly("a", "2", "late", "junk");
        assertThat(run.lines())
                .extracting(l -> l.get("verdict"))
                .containsExactly("VALID", "VALID", "EXPIRED", "MALFORMED");
        assertThat(run.lines().get(3).get("error").toString()).contains("BASE45_INVALID");
    }

    @Test
    void aBatchWithABadLinePrintsNothingAndExitsTwo() throws Exception {
        Path batch = Files.writeString(dir.resolve("bad.jsonl"), "{\"text\": \"A\"}\n{\"image\": \"nowhere.png\"}\n");

        Run run = run("--batch", batch.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void aPictureWithoutAQrCodeIsMalformedAtTheQrStage() throws Exception {
        Path blank = dir.resolve("blank.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(100, 100, 1), "png", blank.toFile());

        Run run = run("--image", blank.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.lines().get(0)).containsEntry("verdict", "MALFORMED");
        assertThat(run.lines().get(0).get("error").toString())
                .contains("QR_NOT_FOUND")
                .contains("stage=QR");
    }

    @Test
    void aBundleServesAsTrustAndAsStatusAndAnUnsignedCardNeedsTheFlag() throws Exception {
        String uri = "https://issuer.civis.example/status/1";
        String token = HexFormat.of().formatHex(org.civis.verifier.TestStatusListAccess.token(issuer, "k", uri, 3));
        Path bundle = Files.writeString(
                dir.resolve("bundle.json"),
                "{\"keys\": ["
                        + TestIssuer.jwk(CoseAlgorithm.EDDSA, issuer, "k").toJSONString()
                        + "], \"statusLists\": [{\"uri\": \"" + uri + "\", \"token\": \"" + token
                        + "\"}], \"certificates\": []}");
        String revoked = org.civis.verifier.TestStatusListAccess.credential(issuer, "k", uri, 3);
        String fine = org.civis.verifier.TestStatusListAccess.credential(issuer, "k", uri, 4);

        Run revokedRun =
                run("--trust", bundle.toString(), "--status", bundle.toString(), "--at", AT, "--text", revoked);
        Run fineRun = run("--trust", bundle.toString(), "--status", bundle.toString(), "--at", AT, "--text", fine);
        Run noStatus = run("--trust", bundle.toString(), "--at", AT, "--text", fine);

        assertThat(revokedRun.exit()).isEqualTo(1);
        assertThat(revokedRun.lines().get(0))
                .containsEntry("verdict", "REVOKED")
                .containsEntry("status", "INVALID");
        assertThat(fineRun.exit()).isZero();
        assertThat(fineRun.lines().get(0)).containsEntry("status", "VALID");
        assertThat(noStatus.exit()).isZero();
        assertThat(noStatus.lines().get(0)).containsEntry("verdict", "VALID").containsEntry("status", "UNKNOWN");
    }
}
