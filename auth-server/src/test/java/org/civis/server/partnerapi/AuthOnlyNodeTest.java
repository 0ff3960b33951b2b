package org.civis.server.partnerapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civis.core.registry.FingerprintEntries.iso;

import io.vertx.core.json.JsonObject;
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

/**
 * A node started with {@code CIVIS_BIO_GALLERY=false} beside one that holds the gallery: it keeps
 * no fingers in memory, still authenticates fingerprints 1:1, and the enrollments it takes are
 * deduplicated by the gallery node.
 */
class AuthOnlyNodeTest {
    private static final SyntheticFingerprints SYNTHETIC = new SyntheticFingerprints(4242);
    private static TwoNodeCluster cluster;
    private static AuthTestbed galleryNode;
    private static AuthTestbed authOnlyNode;
    private static TestPartner bank;

    @BeforeAll
    static void start() throws Exception {
        cluster = TwoNodeCluster.start(Map.of("CIVIS_BIO_GALLERY", "false"));
        galleryNode = cluster.first();
        authOnlyNode = cluster.second();
        bank = galleryNode.register("auth-only-bank", AuthTestbed.policy("BIO"));
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void readinessSaysWhichNodeHoldsTheGallery() {
        galleryNode.enroll(withFinger(Residents.full(401), SYNTHETIC.newFinger(), FingerPosition.LEFT_THUMB));

        JsonObject gallery = galleryNode.publicApi.get("/health/ready").json().getJsonObject("fingerprintGallery");
        JsonObject authOnly = authOnlyNode.publicApi.get("/health/ready").json().getJsonObject("fingerprintGallery");

        assertThat(gallery.getBoolean("held")).isTrue();
        assertThat(gallery.getInteger("identities")).isPositive();
        assertThat(authOnly.getMap()).isEqualTo(Map.of("held", false));
    }

    @Test
    void aFingerEnrolledAgainThroughTheAuthOnlyNodeIsFoundByTheGalleryNode() {
        SyntheticFinger finger = SYNTHETIC.newFinger();
        String uin = galleryNode.enroll(withFinger(Residents.full(402), finger, FingerPosition.RIGHT_INDEX));

        // Another name, birth date and gender: only the finger can tell, and only the gallery node compares it.
        Reply again = authOnlyNode.submitEnrollment(withFinger(
                Residents.person("Otieno Baraka", "1971-11-30", "male"), finger, FingerPosition.RIGHT_INDEX));

        JsonObject outcome = again.json();
        assertThat(outcome.getString("status")).as(again.body()).isEqualTo("DUPLICATE_SUSPECTED");
        assertThat(outcome.getJsonArray("candidates").getList()).containsExactly(uin);
        assertThat(outcome.getJsonArray("fingerprintCandidates")
                        .getJsonObject(0)
                        .getString("position"))
                .isEqualTo("RIGHT_INDEX");
    }

    @Test
    void theAuthOnlyNodeAuthenticatesFingersOneToOne() {
        SyntheticFinger thumb = SYNTHETIC.newFinger();
        String uin = galleryNode.enroll(withFinger(Residents.full(403), thumb, FingerPosition.RIGHT_THUMB));

        JsonObject genuine = authOnlyNode.answer(authOnlyNode.call(
                bank, "/v1/auth", authOnlyNode.request(uin, fingers(thumb, FingerPosition.RIGHT_THUMB))));
        Reply impostor = authOnlyNode.call(
                bank,
                "/v1/auth",
                authOnlyNode.request(uin, fingers(SYNTHETIC.newFinger(), FingerPosition.RIGHT_THUMB)));

        assertThat(genuine.getBoolean("authenticated")).as(genuine.encode()).isTrue();
        assertThat(authOnlyNode.errors(impostor)).containsExactly("BIO_MISMATCH");
    }

    private static JsonObject withFinger(JsonObject person, SyntheticFinger finger, FingerPosition position) {
        return FingerprintEntries.withImpression(person, SYNTHETIC, finger, position);
    }

    private static JsonObject fingers(SyntheticFinger finger, FingerPosition position) {
        return new JsonObject()
                .put(
                        "biometrics",
                        new JsonObject()
                                .put(
                                        "fingerprints",
                                        FingerprintEntries.of(iso(position, SYNTHETIC.impression(finger, position)))));
    }
}
