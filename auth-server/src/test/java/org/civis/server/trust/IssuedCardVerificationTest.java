package org.civis.server.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civis.server.trust.IssuanceCalls.issue;
import static org.civis.server.trust.IssuanceCalls.lifecycle;
import static org.civis.server.trust.IssuanceCalls.residentWithPhoto;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.codec.binary.Base45;
import org.civis.issuer.encoding.Zlib;
import org.civis.issuer.qr.QrPayload;
import org.civis.server.HttpClientForTests.BinaryReply;
import org.civis.server.HttpClientForTests.Reply;
import org.civis.server.partnerapi.AuthTestbed;
import org.civis.verifier.Limits;
import org.civis.verifier.Verifier;
import org.civis.verifier.cli.VerifyCommand;
import org.civis.verifier.files.KeyFiles;
import org.civis.verifier.trust.KeyRing;
import org.civis.verifier.verdict.Verdict;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The round trip an ID authority and a field verifier make: the server issues a card, the offline
 * verifier (the `civis verify` command, and the SDK under it) checks it with nothing but what the
 * server publishes for offline devices: the verifier bundle, or the issuer's certificates.
 */
class IssuedCardVerificationTest {
    private static AuthTestbed bed;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        bed = new AuthTestbed(Map.of());
    }

    @AfterAll
    static void stop() {
        bed.close();
    }

    @Test
    void thePrintedCardAndItsTextVerifyWithTheBundleAndWithTheCertificates() throws Exception {
        String uin = bed.enroll(residentWithPhoto(31));
        JsonObject issued = issue(bed, uin);
        Path card = Files.write(dir.resolve("card.png"), card(uin));
        Path bundle = Files.writeString(dir.resolve("bundle.json"), publicText(TrustRoutes.BUNDLE));
        Path certificates = Files.writeString(dir.resolve("issuer.pem"), publicText(TrustRoutes.CERTIFICATES));

        // Judged at the server's clock: the bundle's status list is valid for a week from then.
        String at = bed.clock.instant().toString();
        Run fromImage = verify(
                "--trust", bundle.toString(), "--status", bundle.toString(), "--at", at, "--image", card.toString());
        Run fromText = verify("--trust", certificates.toString(), "--at", at, "--text", issued.getString("qrText"));

        assertThat(fromImage.exit()).as(fromImage.stderr()).isZero();
        Map<String, Object> result = fromImage.only();
        assertThat(result.get("verdict")).isEqualTo("VALID");
        assertThat(result.get("status")).isEqualTo("VALID");
        assertThat(result.get("alg")).isEqualTo("EdDSA");
        Map<?, ?> claims = (Map<?, ?>) result.get("claims");
        assertThat(claims.get("id")).isEqualTo(uin);
        assertThat(claims.get("fullName")).isEqualTo("Wanjiru Kamau Otieno 31");
        assertThat((String) claims.get("photo")).isNotBlank();
        assertThat(((Map<?, ?>) result.get("cwt")).get("sub")).isEqualTo(uin);
        // The certificates name the key by its subject key identifier, which is the COSE kid.
        assertThat(fromText.exit()).as(fromText.stderr()).isZero();
        assertThat(fromText.only().get("verdict")).isEqualTo("VALID");
        assertThat(fromText.only().get("status")).as("no status list given").isEqualTo("UNKNOWN");
    }

    @Test
    void expiryAndNotBeforeAreJudgedAtTheInstantGiven() throws Exception {
        String uin = bed.enroll(residentWithPhoto(32));
        JsonObject issued = issue(bed, uin);
        Path bundle = Files.writeString(dir.resolve("bundle.json"), publicText(TrustRoutes.BUNDLE));
        Instant expiresAt = Instant.parse(issued.getString("expiresAt"));
        Instant issuedAt = Instant.parse(issued.getString("issuedAt"));

        Run afterExpiry = verifyText(bundle, issued, expiresAt.plusSeconds(1));
        Run beforeIssue = verifyText(bundle, issued, issuedAt.minusSeconds(3_600));
        Run justBeforeExpiry = verifyText(bundle, issued, expiresAt.minusSeconds(1));

        assertThat(afterExpiry.only().get("verdict")).isEqualTo("EXPIRED");
        assertThat(afterExpiry.exit()).isEqualTo(1);
        assertThat(beforeIssue.only().get("verdict")).isEqualTo("NOT_YET_VALID");
        // Years later the bundle's status list is long out of date: the status is unknown, and the
        // verdict is what the signature and the times say.
        assertThat(justBeforeExpiry.only().get("verdict")).isEqualTo("VALID");
        assertThat(justBeforeExpiry.only().get("status")).isEqualTo("UNKNOWN");
    }

    @Test
    void aRevokedIdentitysCardIsRevokedWithTheNewStatusListAndASuspendedOneIsSuspended() throws Exception {
        String revoked = bed.enroll(residentWithPhoto(33));
        String deactivated = bed.enroll(residentWithPhoto(34));
        JsonObject revokedCard = issue(bed, revoked);
        JsonObject deactivatedCard = issue(bed, deactivated);
        Path before = Files.writeString(dir.resolve("before.json"), publicText(TrustRoutes.BUNDLE));

        lifecycle(bed, revoked, "revoke");
        lifecycle(bed, deactivated, "deactivate");
        Path after = Files.writeString(dir.resolve("after.json"), publicText(TrustRoutes.BUNDLE));

        assertThat(verifyText(after, revokedCard, bed.clock.instant()).only().get("verdict"))
                .isEqualTo("REVOKED");
        assertThat(verifyText(after, deactivatedCard, bed.clock.instant())
                        .only()
                        .get("verdict"))
                .isEqualTo("SUSPENDED");
        // A device that has not fetched the new bundle still knows only the old list.
        assertThat(verifyText(before, revokedCard, bed.clock.instant()).only().get("verdict"))
                .isEqualTo("VALID");
    }

    @Test
    void noSingleBitFlipInAnIssuedCredentialVerifies() throws Exception {
        String uin = bed.enroll(residentWithPhoto(35));
        JsonObject issued = issue(bed, uin);
        Path trust = Files.writeString(dir.resolve("jwks.json"), publicText(TrustRoutes.JWKS));
        KeyRing keys = new KeyRing(
                KeyFiles.signingKeys(Files.readAllBytes(trust), "jwks.json")
                        .orElseThrow()
                        .keys(),
                List.of());
        Verifier verifier = Verifier.builder().keys(keys).build();
        byte[] signed =
                Zlib.decompress(new Base45().decode(issued.getString("qrText")), Limits.DEFAULT.maxInflatedBytes());
        Instant now = bed.clock.instant();
        assertThat(verifier.verify(issued.getString("qrText"), now).verdict()).isEqualTo(Verdict.VALID);

        Map<Verdict, Integer> seen = new EnumMap<>(Verdict.class);
        for (int bit = 0; bit < signed.length * 8; bit++) {
            byte[] flipped = signed.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));

            Verdict verdict =
                    verifier.verify(QrPayload.of(flipped).base45(), now).verdict();

            // A flip inside the protected kid names another key: no trusted key has it.
            assertThat(verdict)
                    .as("bit %d of %d", bit, signed.length * 8)
                    .isIn(Verdict.INVALID_SIGNATURE, Verdict.MALFORMED, Verdict.UNKNOWN_ISSUER);
            seen.merge(verdict, 1, Integer::sum);
        }
        assertThat(seen.get(Verdict.INVALID_SIGNATURE)).isGreaterThan(signed.length * 4);
    }

    private Run verifyText(Path bundle, JsonObject issued, Instant at) throws Exception {
        return verify(
                "--trust",
                bundle.toString(),
                "--status",
                bundle.toString(),
                "--at",
                at.toString(),
                "--text",
                issued.getString("qrText"));
    }

    record Run(int exit, List<Map<String, Object>> lines, String stderr) {
        Map<String, Object> only() {
            assertThat(lines).hasSize(1);
            return lines.get(0);
        }
    }

    private static Run verify(String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new VerifyCommand())
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSONObjectUtils.parse(line));
            }
        }
        return new Run(exit, lines, err.toString());
    }

    private static byte[] card(String uin) {
        BinaryReply card = bed.admin.getBytes("/v1/identities/" + uin + "/card.png");
        assertThat(card.status()).isEqualTo(200);
        return card.body();
    }

    private static String publicText(String path) {
        Reply reply = bed.publicApi.get(path);
        assertThat(reply.status()).as(path).isEqualTo(200);
        return reply.body();
    }
}
