package org.civis.server.partnerapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civis.core.registry.FingerprintEntries.iso;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Base64;
import java.util.Map;
import org.civis.core.biometrics.synthetic.SyntheticFinger;
import org.civis.core.biometrics.synthetic.SyntheticFingerprints;
import org.civis.core.registry.FingerprintEntries;
import org.civis.core.registry.Residents;
import org.civis.core.schema.FingerPosition;
import org.civis.server.HttpClientForTests.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The biometric factor of /v1/auth against enrolled fingerprints, and the plug-in path for faces. */
class BiometricAuthTest {
    private static final SyntheticFingerprints SYNTHETIC = new SyntheticFingerprints(77);
    private static AuthTestbed bed;
    private static TestPartner bank;

    @BeforeAll
    static void start() {
        bed = new AuthTestbed(Map.of());
        bank = bed.register("bio-bank", AuthTestbed.policy("BIO", "DEMO"));
    }

    @AfterAll
    static void stop() {
        bed.close();
    }

    @Test
    void aGenuineFingerAuthenticatesAndAnImpostorsDoesNot() {
        SyntheticFinger index = SYNTHETIC.newFinger();
        String uin = enrollWith(201, index, FingerPosition.RIGHT_INDEX);

        JsonObject yes = bed.answer(auth(
                uin,
                fingers(iso(FingerPosition.RIGHT_INDEX, SYNTHETIC.impression(index, FingerPosition.RIGHT_INDEX)))));
        Reply no = auth(
                uin,
                fingers(iso(
                        FingerPosition.RIGHT_INDEX,
                        SYNTHETIC.impression(SYNTHETIC.newFinger(), FingerPosition.RIGHT_INDEX))));

        assertThat(yes.getBoolean("authenticated")).as(yes.encode()).isTrue();
        assertThat(yes.getJsonArray("errors")).isEmpty();
        assertThat(yes.getString("token")).isNotBlank();
        assertThat(bed.errors(no)).containsExactly("BIO_MISMATCH");
        assertThat(bed.answer(no).getBoolean("authenticated")).isFalse();
    }

    @Test
    void fingersCanBeSentEncryptedAlongsideDemographics() {
        SyntheticFinger thumb = SYNTHETIC.newFinger();
        JsonObject person = Residents.full(202);
        String uin = enrollWith(person, thumb, FingerPosition.LEFT_THUMB);
        JsonObject factors = fingers(iso(FingerPosition.UNKNOWN, SYNTHETIC.impression(thumb, FingerPosition.UNKNOWN)))
                .put("demographics", new JsonObject().put("dateOfBirth", person.getString("dateOfBirth")));

        JsonObject answer = bed.answer(bed.call(
                bank, "/v1/auth", bed.request(uin, new JsonObject()).put("factors", bed.encryptFactors(factors))));

        assertThat(answer.getBoolean("authenticated")).as(answer.encode()).isTrue();
        // Both factors are decided: a wrong birth date fails the request although the finger matches.
        JsonObject wrongDate = factors.copy().put("demographics", new JsonObject().put("dateOfBirth", "1901-01-01"));
        assertThat(bed.errors(bed.call(
                        bank,
                        "/v1/auth",
                        bed.request(uin, new JsonObject()).put("factors", bed.encryptFactors(wrongDate)))))
                .containsExactly("DEMO_MISMATCH");
    }

    @Test
    void anUnusableFingerIsNamedWithItsCode() {
        SyntheticFinger index = SYNTHETIC.newFinger();
        String uin = enrollWith(203, index, FingerPosition.RIGHT_INDEX);

        Reply reply = auth(
                uin,
                fingers(
                        iso(FingerPosition.RIGHT_INDEX, SYNTHETIC.impression(index, FingerPosition.RIGHT_INDEX)),
                        FingerprintEntries.entry(
                                FingerPosition.RIGHT_MIDDLE, "ansi378", new byte[] {'F', 'M', 'R', 0})));

        assertThat(reply.status()).isEqualTo(400);
        JsonObject error = bed.answer(reply).getJsonArray("errors").getJsonObject(0);
        assertThat(error.getString("code")).isEqualTo("BIO_FINGER_TEMPLATE_UNREADABLE");
        assertThat(error.getString("field")).isEqualTo("biometrics.fingerprints.1");
    }

    @Test
    void aMalformedFactorIsRefusedWithTheMemberAtFault() {
        String uin = bed.enroll(Residents.full(204));
        JsonObject badPosition = FingerprintEntries.entry(FingerPosition.LEFT_INDEX, "iso19794-2", new byte[] {1})
                .put("position", "LEFT_PINKY");

        Reply reply = auth(uin, fingers(badPosition));

        assertThat(reply.status()).isEqualTo(400);
        JsonObject error = bed.answer(reply).getJsonArray("errors").getJsonObject(0);
        assertThat(error.getString("code")).isEqualTo("REQUEST_INVALID");
        assertThat(error.getString("field")).isEqualTo("factors.biometrics.fingerprints.0.position");
        assertThat(bed.errors(
                        auth(uin, new JsonObject().put("biometrics", new JsonObject().put("voice", new JsonArray())))))
                .containsExactly("REQUEST_INVALID");
    }

    @Test
    void anIdentityWithoutFingerprintsIsNotEnrolledForThem() {
        String uin = bed.enroll(Residents.full(205));

        assertThat(bed.errors(auth(
                        uin,
                        fingers(iso(
                                FingerPosition.LEFT_INDEX,
                                SYNTHETIC.impression(SYNTHETIC.newFinger(), FingerPosition.LEFT_INDEX))))))
                .containsExactly("BIO_NOT_ENROLLED");
    }

    @Test
    void theBioLockAndThePolicyApplyToFingerprints() {
        SyntheticFinger index = SYNTHETIC.newFinger();
        String uin = enrollWith(206, index, FingerPosition.LEFT_INDEX);
        JsonObject genuine =
                fingers(iso(FingerPosition.LEFT_INDEX, SYNTHETIC.impression(index, FingerPosition.LEFT_INDEX)));
        TestPartner demoOnly = bed.register("demo-only", AuthTestbed.policy("DEMO"));

        assertThat(bed.errors(bed.call(demoOnly, "/v1/auth", bed.request(uin, genuine))))
                .containsExactly("AUTH_TYPE_NOT_ALLOWED");
        bed.admin.post(
                "/v1/identities/" + uin + "/locks",
                new JsonObject().put("authTypes", new JsonArray().add("bio")).put("locked", true));
        assertThat(bed.errors(auth(uin, genuine))).containsExactly("AUTH_TYPE_LOCKED");
    }

    @Test
    void faceGoesToTheInstalledMatcherAndIrisHasNone() throws java.io.IOException {
        byte[] photo = tinyPng();
        String uin = bed.enroll(Residents.full(207)
                .put(
                        "photo",
                        new JsonObject()
                                .put("format", "png")
                                .put("data", Base64.getEncoder().encodeToString(photo))));

        JsonObject same = sample(photo);
        JsonObject other = sample(new byte[] {9, 9, 9});

        assertThat(bed.answer(auth(
                                uin,
                                new JsonObject()
                                        .put("biometrics", new JsonObject().put("face", new JsonArray().add(same)))))
                        .getBoolean("authenticated"))
                .isTrue();
        assertThat(bed.errors(auth(
                        uin,
                        new JsonObject().put("biometrics", new JsonObject().put("face", new JsonArray().add(other))))))
                .containsExactly("BIO_MISMATCH");
        Reply iris =
                auth(uin, new JsonObject().put("biometrics", new JsonObject().put("iris", new JsonArray().add(same))));
        assertThat(iris.status()).isEqualTo(501);
        assertThat(bed.errors(iris)).containsExactly("BIO_MODALITY_NOT_SUPPORTED");
    }

    private static byte[] tinyPng() throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(
                new java.awt.image.BufferedImage(3, 3, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private static JsonObject sample(byte[] data) {
        return new JsonObject()
                .put("format", "png")
                .put("data", Base64.getEncoder().encodeToString(data));
    }

    private static String enrollWith(int resident, SyntheticFinger finger, FingerPosition position) {
        return enrollWith(Residents.full(resident), finger, position);
    }

    private static String enrollWith(JsonObject person, SyntheticFinger finger, FingerPosition position) {
        return bed.enroll(person.put(
                "fingerprints", FingerprintEntries.of(iso(position, SYNTHETIC.impression(finger, position)))));
    }

    private static Reply auth(String uin, JsonObject factors) {
        return bed.call(bank, "/v1/auth", bed.request(uin, factors));
    }

    private static JsonObject fingers(JsonObject... entries) {
        return new JsonObject().put("biometrics", new JsonObject().put("fingerprints", FingerprintEntries.of(entries)));
    }
}
