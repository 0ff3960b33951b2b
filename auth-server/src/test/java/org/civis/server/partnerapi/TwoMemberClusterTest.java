package org.civis.server.partnerapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
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
 * Two server nodes in one Hazelcast cluster on loopback, sharing one PostgreSQL database and one
 * set of keys: what one node changes, the other enforces on its very next request, and a finger
 * enrolled through one is found by a fingerprint search the other spreads over both.
 */
class TwoMemberClusterTest {
    private static TwoNodeCluster cluster;
    private static AuthTestbed first;
    private static AuthTestbed second;
    private static TestPartner bank;

    @BeforeAll
    static void start() throws Exception {
        cluster = TwoNodeCluster.start(Map.of());
        first = cluster.first();
        second = cluster.second();
        bank = first.register("cluster-bank", AuthTestbed.policy("DEMO", "OTP"));
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void bothNodesFormOneCluster() {
        assertThat(first.server.hazelcastMembers()).isEqualTo(2);
        assertThat(second.server.hazelcastMembers()).isEqualTo(2);
    }

    @Test
    void aLockSetThroughOneNodeIsEnforcedByTheOtherOnTheNextRequest() {
        JsonObject person = Residents.full(301);
        String uin = first.enroll(person);
        JsonObject factors = new JsonObject()
                .put("demographics", new JsonObject().put("dateOfBirth", person.getString("dateOfBirth")));
        // The second node has the identity's view in its near cache before the change.
        assertThat(second.answer(second.call(bank, "/v1/auth", second.request(uin, factors)))
                        .getBoolean("authenticated"))
                .isTrue();
        assertThat(second.answer(second.call(bank, "/v1/auth", second.request(uin, factors)))
                        .getBoolean("authenticated"))
                .isTrue();

        first.admin.post(
                "/v1/identities/" + uin + "/locks",
                new JsonObject().put("authTypes", new JsonArray().add("demo")).put("locked", true));

        assertThat(second.errors(second.call(bank, "/v1/auth", second.request(uin, factors))))
                .containsExactly("AUTH_TYPE_LOCKED");
    }

    @Test
    void aSuspensionThroughOneNodeIsEnforcedByTheOther() {
        TestPartner shaky = first.register("cluster-shaky", AuthTestbed.policy("DEMO"));
        JsonObject person = Residents.full(302);
        String uin = first.enroll(person);
        JsonObject factors = new JsonObject()
                .put("demographics", new JsonObject().put("dateOfBirth", person.getString("dateOfBirth")));
        assertThat(second.answer(second.call(shaky, "/v1/auth", second.request(uin, factors)))
                        .getBoolean("authenticated"))
                .isTrue();

        first.admin.post("/v1/partners/cluster-shaky/suspend", "", null);

        assertThat(second.errors(second.call(shaky, "/v1/auth", second.request(uin, factors))))
                .containsExactly("PARTNER_SUSPENDED");
    }

    @Test
    void anOtpIssuedOnOneNodeVerifiesOnTheOther() {
        JsonObject person = Residents.full(303);
        String uin = first.enroll(person);
        JsonObject ask = first.request(uin, new JsonObject());
        ask.remove("factors");
        assertThat(first.answer(first.call(bank, "/v1/otp", ask)).getBoolean("sent"))
                .isTrue();
        String code = first.lastCodeSentTo(person.getString("phone"));

        JsonObject answer =
                second.answer(second.call(bank, "/v1/auth", second.request(uin, new JsonObject().put("otp", code))));

        assertThat(answer.getBoolean("authenticated")).as(answer.encode()).isTrue();
    }

    @Test
    void aTransactionAcceptedByOneNodeIsAReplayOnTheOther() {
        JsonObject person = Residents.full(304);
        String uin = first.enroll(person);
        String jws = bank.sign(first.request(
                uin,
                new JsonObject()
                        .put("demographics", new JsonObject().put("dateOfBirth", person.getString("dateOfBirth")))));
        assertThat(first.answer(first.send(bank, "/v1/auth", jws)).getBoolean("authenticated"))
                .isTrue();

        assertThat(second.errors(second.send(bank, "/v1/auth", jws))).containsExactly("TRANSACTION_REPLAYED");
    }

    @Test
    void aFingerEnrolledThroughOneNodeMakesItsOwnerACandidateWhenEnrolledAgainThroughTheOther() {
        SyntheticFingerprints synthetic = new SyntheticFingerprints(305);
        SyntheticFinger finger = synthetic.newFinger();
        String uin = first.enroll(
                FingerprintEntries.withImpression(Residents.full(305), synthetic, finger, FingerPosition.RIGHT_INDEX));

        // Another name, birth date and gender: only the finger (another impression of it) can tell.
        Reply again = second.submitEnrollment(FingerprintEntries.withImpression(
                Residents.person("Otieno Baraka", "1971-11-30", "male"),
                synthetic,
                finger,
                FingerPosition.RIGHT_INDEX));

        JsonObject outcome = again.json();
        assertThat(outcome.getString("status")).as(again.body()).isEqualTo("DUPLICATE_SUSPECTED");
        assertThat(outcome.getJsonArray("candidates").getList()).containsExactly(uin);
        JsonObject match = outcome.getJsonArray("fingerprintCandidates").getJsonObject(0);
        assertThat(match.getString("uin")).isEqualTo(uin);
        assertThat(match.getString("position")).isEqualTo("RIGHT_INDEX");
    }
}
