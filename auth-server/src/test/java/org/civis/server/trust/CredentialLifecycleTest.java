package org.civis.server.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civis.server.trust.IssuanceCalls.issue;
import static org.civis.server.trust.IssuanceCalls.lifecycle;
import static org.civis.server.trust.IssuanceCalls.residentWithPhoto;

import com.nimbusds.jose.jwk.JWKSet;
import com.upokecenter.cbor.CBORObject;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.Map;
import org.civis.issuer.samples.QrImages;
import org.civis.server.HttpClientForTests.BinaryReply;
import org.civis.server.HttpClientForTests.Reply;
import org.civis.server.QrCredentials;
import org.civis.server.partnerapi.AuthTestbed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * QR credentials over HTTP on a running server (real PostgreSQL, Hazelcast member, keys): issuance,
 * the printed card, and the status a verifier reads from the published Status List Token as the
 * identity is deactivated, reactivated, updated and revoked.
 */
class CredentialLifecycleTest {
    private static AuthTestbed bed;

    @BeforeAll
    static void start() {
        bed = new AuthTestbed(Map.of());
    }

    @AfterAll
    static void stop() {
        bed.close();
    }

    @Test
    void anEnrolledResidentWithAPhotoGetsASignedCredentialAndACardWhoseQrIsThatCredential() throws Exception {
        String uin = bed.enroll(residentWithPhoto(21));

        JsonObject issued = issue(bed, uin);

        assertThat(issued.getString("photo")).isEqualTo("INCLUDED");
        assertThat(issued.getInteger("qrVersion")).isBetween(1, 30);
        assertThat(issued.getString("alg")).isEqualTo("EdDSA");
        assertThat(issued.getJsonObject("sizes").getInteger("photoBytes")).isPositive();
        CBORObject claims = QrCredentials.claims(issued.getString("qrText"), jwks());
        assertThat(claims.get(2).AsString()).isEqualTo(uin);
        assertThat(claims.get(169).get(1).AsString()).isEqualTo(uin);
        assertThat(claims.get(169).get(4).AsString()).isEqualTo("Wanjiru Kamau Otieno 21");
        CBORObject status = claims.get(65535).get("status_list");
        assertThat(status.get("uri").AsString())
                .isEqualTo(issued.getJsonObject("status").getString("uri"));
        assertThat(status.get("idx").AsInt32Value())
                .isEqualTo(issued.getJsonObject("status").getInteger("idx"));
        assertThat(status.get("uri").AsString())
                .startsWith("http://127.0.0.1:" + bed.server.config().publicPort() + "/statuslists/");

        BinaryReply card = bed.admin.getBytes("/v1/identities/" + uin + "/card.png");
        assertThat(card.status()).isEqualTo(200);
        assertThat(card.header("content-type")).isEqualTo("image/png");
        assertThat(card.header("x-civis-credential-id")).isEqualTo(issued.getString("credentialId"));
        assertThat(QrImages.decode(card.body())).isEqualTo(issued.getString("qrText"));
    }

    @Test
    void theStatusListFollowsTheIdentityThroughDeactivationReactivationUpdateAndRevocation() throws Exception {
        String uin = bed.enroll(residentWithPhoto(22));
        JsonObject first = issue(bed, uin);
        assertThat(statusOf(first)).isEqualTo(0);

        lifecycle(bed, uin, "deactivate");
        assertThat(statusOf(first)).as("deactivated: SUSPENDED").isEqualTo(2);
        assertThat(bed.admin
                        .post("/v1/identities/" + uin + "/credentials", new JsonObject())
                        .errorCode())
                .isEqualTo("IDENTITY_DEACTIVATED");
        lifecycle(bed, uin, "reactivate");
        assertThat(statusOf(first)).as("reactivated: VALID").isEqualTo(0);

        Reply updated = bed.admin.patch(
                "/v1/identities/" + uin,
                new JsonObject().put("identity", new JsonObject().put("phone", "+254700000022")));
        assertThat(updated.status()).isEqualTo(200);
        JsonObject second = issue(bed, uin);
        assertThat(second.getInteger("identityVersion")).isEqualTo(2);
        assertThat(statusOf(first)).as("superseded: INVALID").isEqualTo(1);
        assertThat(statusOf(second)).isEqualTo(0);

        lifecycle(bed, uin, "revoke");
        assertThat(statusOf(second)).as("revoked: INVALID").isEqualTo(1);
        assertThat(statusOf(first)).isEqualTo(1);
        Reply refused = bed.admin.post("/v1/identities/" + uin + "/credentials", new JsonObject());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("IDENTITY_REVOKED");
        BinaryReply noCard = bed.admin.getBytes("/v1/identities/" + uin + "/card.png");
        assertThat(noCard.status()).isEqualTo(409);
        assertThat(noCard.json().getJsonObject("error").getString("code")).isEqualTo("IDENTITY_REVOKED");
    }

    @Test
    void aReprintedCardCarriesTheSameCredentialAndAnUnknownListIsNotFound() throws Exception {
        String uin = bed.enroll(residentWithPhoto(23));
        BinaryReply first = bed.admin.getBytes("/v1/identities/" + uin + "/card.png");
        BinaryReply again = bed.admin.getBytes("/v1/identities/" + uin + "/card.png");
        assertThat(again.header("x-civis-credential-id")).isEqualTo(first.header("x-civis-credential-id"));
        // The same claims (status entry, iat, exp, the photo's bytes) under the same kid, whichever
        // key signs (another test here rotates to ES256); the whole credential's bytes are equal too
        // with EdDSA, not with ES256, whose signatures are randomized.
        JWKSet jwks = jwks();
        String firstQr = QrImages.decode(first.body());
        String againQr = QrImages.decode(again.body());
        assertThat(QrCredentials.claims(againQr, jwks)).isEqualTo(QrCredentials.claims(firstQr, jwks));
        assertThat(QrCredentials.kid(QrCredentials.verifiedSign1(againQr, jwks)))
                .isEqualTo(QrCredentials.kid(QrCredentials.verifiedSign1(firstQr, jwks)));
        assertThat(bed.publicApi.get("/statuslists/424242").errorCode()).isEqualTo("STATUS_LIST_NOT_FOUND");
        assertThat(bed.admin.getBytes("/v1/identities/1234/card.png").status()).isEqualTo(400);
    }

    @Test
    void afterARotationTheNewKeySignsAndCardsSignedByTheOldOneStillVerify() throws Exception {
        String uin = bed.enroll(residentWithPhoto(24));
        JsonObject before = issue(bed, uin);

        Reply rotated = bed.admin.post("/v1/issuer/keys/rotate", new JsonObject().put("alg", "ES256"));
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String newKid = rotated.json().getString("kid");
        assertThat(newKid).isNotEqualTo(before.getString("kid"));

        JWKSet jwks = jwks();
        assertThat(jwks.getKeyByKeyId(before.getString("kid"))).isNotNull();
        assertThat(jwks.getKeyByKeyId(newKid)).isNotNull();
        assertThat(QrCredentials.verifiedSign1(before.getString("qrText"), jwks))
                .isNotNull();
        JsonObject after = issue(bed, uin);
        assertThat(after.getString("kid")).isEqualTo(newKid);
        assertThat(after.getString("alg")).isEqualTo("ES256");
        assertThat(QrCredentials.kid(QrCredentials.verifiedSign1(after.getString("qrText"), jwks)))
                .isEqualTo(newKid);
        assertThat(statusOf(before)).isEqualTo(1);
        assertThat(bed.publicApi.get(TrustRoutes.CERTIFICATES).body()).contains("-----BEGIN CERTIFICATE-----");
        assertThat(bed.admin
                        .post("/v1/issuer/keys/rotate", new JsonObject().put("alg", "HS256"))
                        .errorCode())
                .isEqualTo("VALIDATION_FAILED");
    }

    /** What a verifier reads for this credential from the published token, signature checked. */
    private static int statusOf(JsonObject credential) throws Exception {
        JsonObject status = credential.getJsonObject("status");
        BinaryReply token =
                bed.publicApi.getBytes(URI.create(status.getString("uri")).getPath());
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.header("content-type")).isEqualTo("application/statuslist+cwt");
        assertThat(QrCredentials.subject(token.body())).isEqualTo(status.getString("uri"));
        return QrCredentials.status(token.body(), jwks(), status.getInteger("idx"));
    }

    private static JWKSet jwks() throws Exception {
        Reply reply = bed.publicApi.get(TrustRoutes.JWKS);
        assertThat(reply.contentType()).isEqualTo("application/jwk-set+json");
        return JWKSet.parse(reply.body());
    }
}
