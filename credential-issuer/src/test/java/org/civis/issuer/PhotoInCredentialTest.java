package org.civis.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import com.upokecenter.cbor.CBORObject;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import org.civis.core.schema.IdSchema;
import org.civis.issuer.keys.IssuerKey;
import org.civis.issuer.keys.IssuerKeystore;
import org.civis.issuer.keys.SigningAlgorithm;
import org.civis.issuer.photo.PhotoOutcome;
import org.civis.issuer.qr.QrEncoder;
import org.civis.issuer.samples.CoseMessages;
import org.civis.issuer.samples.SampleHolders;
import org.civis.issuer.samples.SyntheticPortrait;
import org.civis.verifier.spec.Claim169Field;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The photo goes in when it can be decoded and made to fit, and its absence never stops a card. */
class PhotoInCredentialTest {
    @TempDir
    static Path dir;

    private static IssuerKey key;
    private static IssuerKey es256Key;

    @BeforeAll
    static void keys() {
        key = IssuerKeystore.openOrCreate(
                        dir.resolve("issuer-keys.p12"), "pw".toCharArray(), SigningAlgorithm.EDDSA, "Test ID")
                .ring()
                .current();
        es256Key = IssuerKeystore.openOrCreate(
                        dir.resolve("es256-keys.p12"), "pw".toCharArray(), SigningAlgorithm.ES256, "Test ID")
                .ring()
                .current();
    }

    @Test
    void aPngPortraitIsShrunkToAGrayscaleJpegInside() {
        IssuedCredential credential = issue(
                SampleHolders.typicalFields(3).put("photo", SampleHolders.photo("png", SyntheticPortrait.png(3))));
        assertThat(credential.photo().status()).isEqualTo(PhotoOutcome.Status.INCLUDED);
        assertThat(credential.photo().width()).isLessThanOrEqualTo(96);
        assertThat(identityClaims(credential)
                        .get(Claim169Field.PHOTO_FORMAT.key())
                        .AsInt32Value())
                .isEqualTo(1);
        assertThat(credential.sizes().qrVersion()).isLessThanOrEqualTo(QrEncoder.MAX_VERSION);
    }

    @Test
    void aJpeg2000PhotoThatCannotBeDecodedIsLeftOutAndSaid() {
        // A JP2 signature box followed by nothing a decoder could use; the JDK has no JPEG 2000 reader anyway.
        byte[] jp2 = {0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20, 0x0D, 0x0A, (byte) 0x87, 0x0A, 1, 2, 3, 4};
        IssuedCredential credential =
                issue(SampleHolders.typicalFields(3).put("photo", SampleHolders.photo("jp2", jp2)));
        assertThat(credential.photo().status()).isEqualTo(PhotoOutcome.Status.UNREADABLE);
        assertThat(credential.sizes().photoBytes()).isZero();
        CBORObject identity = identityClaims(credential);
        assertThat(identity.ContainsKey(Claim169Field.PHOTO.key())).isFalse();
        assertThat(identity.ContainsKey(Claim169Field.PHOTO_FORMAT.key())).isFalse();
        assertThat(identity.get(Claim169Field.FULL_NAME.key()).AsString()).isEqualTo("Amara Chiamaka Okafor");
    }

    @Test
    void aResidentWithoutAPhotoGetsACredentialSayingSo() {
        JsonObject fields = SampleHolders.typicalFields(3);
        fields.remove("photo");
        IssuedCredential credential = issue(fields);
        assertThat(credential.photo().status()).isEqualTo(PhotoOutcome.Status.ABSENT);
        assertThat(credential.sizes().qrVersion()).isLessThan(15);
    }

    @Test
    void theSameRequestGivesTheSameCredentialBytes() {
        JsonObject fields = SampleHolders.typicalFields(4);
        assertThat(issue(fields).cwt()).isEqualTo(issue(fields).cwt()); // Ed25519 is deterministic
    }

    @Test
    void withRandomizedEs256SignaturesTheSameRequestStillCarriesTheSameClaims() {
        // A reprint rebuilds the credential from the identity: its photo must not depend on how well
        // this signature's random bytes happen to compress.
        JsonObject fields = SampleHolders.typicalFields(4);
        CBORObject first = identityClaims(issue(fields, es256Key));
        for (int reprint = 0; reprint < 64; reprint++) {
            IssuedCredential again = issue(fields, es256Key);
            assertThat(again.sizes().qrVersion()).isLessThanOrEqualTo(QrEncoder.MAX_VERSION);
            assertThat(identityClaims(again)).as("reprint %d", reprint).isEqualTo(first);
        }
    }

    private static IssuedCredential issue(JsonObject fields) {
        return issue(fields, key);
    }

    private static IssuedCredential issue(JsonObject fields, IssuerKey signingKey) {
        return new CredentialIssuer(IdSchema.defaultSchema())
                .issue(new CredentialRequest(
                        SampleHolders.identity(SampleHolders.uin(3), 1, fields),
                        "https://id.example.org",
                        Instant.parse("2026-11-25T09:30:00Z"),
                        Instant.parse("2031-11-25T09:30:00Z"),
                        new StatusListEntry("https://id.example.org/statuslists/1", 17),
                        signingKey));
    }

    private static CBORObject identityClaims(IssuedCredential credential) {
        return CoseMessages.payload(CoseMessages.sign1(credential.cwt(), true)).get(169);
    }
}
