package org.civis.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import com.upokecenter.cbor.CBOREncodeOptions;
import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.civis.core.id.Uin;
import org.civis.core.schema.IdSchema;
import org.civis.issuer.keys.IssuerKeystore;
import org.civis.issuer.keys.SigningAlgorithm;
import org.civis.issuer.samples.CoseMessages;
import org.civis.issuer.samples.SampleHolders;
import org.civis.verifier.spec.Claim169Field;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The claims of a full resident's credential, read back with the CBOR library alone. */
class Claim169CredentialTest {
    private static final Instant ISSUED = Instant.parse("2026-11-25T09:30:00Z");
    private static final Instant EXPIRES = Instant.parse("2031-11-25T09:30:00Z");
    private static final Uin UIN = SampleHolders.uin(42);

    @TempDir
    static Path dir;

    private static IssuerKeystore keys;
    private static CBORObject claims;
    private static byte[] payloadBytes;

    @BeforeAll
    static void issue() {
        keys = IssuerKeystore.openOrCreate(
                dir.resolve("issuer-keys.p12"), "test-password".toCharArray(), SigningAlgorithm.EDDSA, "Test ID");
        IssuedCredential credential = new CredentialIssuer(IdSchema.defaultSchema())
                .issue(new CredentialRequest(
                        SampleHolders.identity(UIN, 3, SampleHolders.fullFields(42)),
                        "https://id.example.org",
                        ISSUED,
                        EXPIRES,
                        new StatusListEntry("https://id.example.org/statuslists/7", 1234),
                        keys.ring().current()));
        CBORObject sign1 = CoseMessages.sign1(credential.cwt(), true);
        payloadBytes = sign1.get(2).GetByteString();
        claims = CoseMessages.payload(sign1);
    }

    @Test
    void theCwtCarriesIssuerSubjectTimesIdentityAndStatusUnderIntegerKeys() {
        assertThat(claims.getKeys())
                .extracting(CBORObject::AsInt32Value)
                .containsExactlyInAnyOrder(1, 2, 4, 5, 6, 169, 65535);
        assertThat(claims.get(1).AsString()).isEqualTo("https://id.example.org");
        assertThat(claims.get(2).AsString()).isEqualTo(UIN.value());
        assertThat(claims.get(6).AsInt64Value()).isEqualTo(ISSUED.getEpochSecond());
        assertThat(claims.get(5).AsInt64Value()).isEqualTo(ISSUED.getEpochSecond());
        assertThat(claims.get(4).AsInt64Value()).isEqualTo(EXPIRES.getEpochSecond());
        CBORObject statusList = claims.get(65535).get("status_list");
        assertThat(claims.get(65535).size()).isEqualTo(1);
        assertThat(statusList.get("idx").AsInt32Value()).isEqualTo(1234);
        assertThat(statusList.get("uri").AsString()).isEqualTo("https://id.example.org/statuslists/7");
    }

    @Test
    void theIdentityMapHasTheSpecKeysAndShapes() {
        CBORObject identity = claims.get(169);
        assertThat(identity.getType()).isEqualTo(CBORType.Map);
        assertThat(text(identity, Claim169Field.ID)).isEqualTo(UIN.value());
        assertThat(text(identity, Claim169Field.VERSION)).isEqualTo("3");
        assertThat(text(identity, Claim169Field.LANGUAGE)).isEqualTo("eng");
        assertThat(text(identity, Claim169Field.FULL_NAME)).isEqualTo("Amara Okafor");
        assertThat(text(identity, Claim169Field.SECONDARY_FULL_NAME)).isEqualTo("أمارا أوكافور");
        assertThat(text(identity, Claim169Field.SECONDARY_LANGUAGE)).isEqualTo("ara");
        assertThat(text(identity, Claim169Field.DATE_OF_BIRTH))
                .isEqualTo("19900115")
                .matches("\\d{8}");
        assertThat(identity.get(Claim169Field.GENDER.key()).AsInt32Value()).isEqualTo(2);
        assertThat(text(identity, Claim169Field.ADDRESS)).isEqualTo("12 Marina Road, Apapa, Lagos 102273");
        assertThat(text(identity, Claim169Field.EMAIL)).isEqualTo("amara.okafor@mail.example.org");
        assertThat(text(identity, Claim169Field.PHONE)).isEqualTo("+2348031234511");
        assertThat(text(identity, Claim169Field.NATIONALITY)).isEqualTo("NGA");
        CBORObject photo = identity.get(Claim169Field.PHOTO.key());
        assertThat(photo.getType()).isEqualTo(CBORType.ByteString);
        assertThat(photo.GetByteString()).startsWith((byte) 0xFF, (byte) 0xD8, (byte) 0xFF);
        assertThat(identity.get(Claim169Field.PHOTO_FORMAT.key()).AsInt32Value())
                .isEqualTo(1);
        assertThat(ints(identity.get(Claim169Field.BEST_QUALITY_FINGERS.key()))).containsExactly(1, 2, 6, 7);
    }

    @Test
    void everyKeyIsAClaim169FieldAndNoBiometricEntryOrTemplateGetsIn() {
        CBORObject identity = claims.get(169);
        for (CBORObject key : identity.getKeys()) {
            assertThat(Claim169Field.byKey(key.AsInt32Value()))
                    .as("key %s", key)
                    .isPresent();
            assertThat(key.AsInt32Value()).as("biometric entries").isLessThan(50);
        }
        // The fingerprints' stand-in template starts "FMR\0": it must be nowhere in the credential.
        assertThat(new String(claims.EncodeToBytes(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("FMR\0");
    }

    @Test
    void theClaimsAreEncodedDeterministically() {
        byte[] canonical = claims.EncodeToBytes(new CBOREncodeOptions("ctap2canonical=true"));
        assertThat(payloadBytes).isEqualTo(canonical);
        // Keys in ascending order of their encoding: 1, 2, 4, 5, 6, then 169 (0x18a9), 65535 (0x19ffff).
        assertThat(payloadBytes[1]).isEqualTo((byte) 0x01);
    }

    private static String text(CBORObject map, Claim169Field field) {
        CBORObject value = map.get(field.key());
        assertThat(value).as(field.jsonName()).isNotNull();
        assertThat(value.getType()).as(field.jsonName()).isEqualTo(CBORType.TextString);
        return value.AsString();
    }

    private static List<Integer> ints(CBORObject array) {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            values.add(array.get(i).AsInt32Value());
        }
        return values;
    }
}
