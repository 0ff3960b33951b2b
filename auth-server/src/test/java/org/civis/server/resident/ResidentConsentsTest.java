package org.civis.server.resident;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.civis.auth.partner.PartnerId;
import org.civis.core.id.Uin;
import org.civis.core.registry.Residents;
import org.civis.oidc.consent.Consents;
import org.civis.server.HttpClientForTests.Reply;
import org.civis.server.partnerapi.AuthTestbed;
import org.junit.jupiter.api.Test;

/** A resident sees the relying parties they gave a remembered consent to, and takes it back. */
class ResidentConsentsTest {

    @Test
    void aResidentListsAndRevokesTheirOwnConsentsOnly() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (AuthTestbed bed = new AuthTestbed(Map.of())) {
            JsonObject person = Residents.full(701);
            String uin = bed.enroll(person);
            String other = bed.enroll(Residents.full(702));
            Pool pool = bed.server.config().openDatabase().pool(vertx, 1);
            Consents consents = new Consents(pool, bed.clock);
            await(consents.grant(
                    new Uin(uin), new PartnerId("bank-1"), Set.of("name", "birthdate"), Duration.ofDays(30)));
            await(consents.grant(new Uin(other), new PartnerId("telco-1"), Set.of("name"), Duration.ofDays(30)));
            Map<String, String> bearer = Map.of("authorization", "Bearer " + session(bed, uin, person));

            Reply listed = bed.publicApi.send("GET", "/v1/resident/me/consents", null, null, bearer);

            assertThat(listed.status()).isEqualTo(200);
            JsonArray list = new JsonObject(listed.body()).getJsonArray("consents");
            assertThat(list).hasSize(1);
            assertThat(list.getJsonObject(0))
                    .isEqualTo(new JsonObject()
                            .put("partnerId", "bank-1")
                            .put("claims", new JsonArray().add("birthdate").add("name"))
                            .put("grantedAt", bed.clock.instant().toString())
                            .put(
                                    "expiresAt",
                                    bed.clock
                                            .instant()
                                            .plus(Duration.ofDays(30))
                                            .toString()));

            Reply revoked = bed.publicApi.send("DELETE", "/v1/resident/me/consents/bank-1", null, null, bearer);
            Reply again = bed.publicApi.send("DELETE", "/v1/resident/me/consents/bank-1", null, null, bearer);
            Reply someoneElses = bed.publicApi.send("DELETE", "/v1/resident/me/consents/telco-1", null, null, bearer);
            Reply malformed = bed.publicApi.send("DELETE", "/v1/resident/me/consents/NOT_AN_ID", null, null, bearer);

            assertThat(new JsonObject(revoked.body()).getBoolean("revoked")).isTrue();
            assertThat(new JsonObject(again.body()).getBoolean("revoked")).isFalse();
            assertThat(new JsonObject(someoneElses.body()).getBoolean("revoked"))
                    .isFalse();
            assertThat(new JsonObject(malformed.body()).getBoolean("revoked")).isFalse();
            assertThat(await(consents.find(new Uin(uin), new PartnerId("bank-1"))))
                    .isEmpty();
            assertThat(await(consents.find(new Uin(other), new PartnerId("telco-1"))))
                    .isPresent();
            assertThat(bed.publicApi.get("/v1/resident/me/consents").status()).isEqualTo(401);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    private static String session(AuthTestbed bed, String uin, JsonObject person) {
        JsonObject ask = new JsonObject().put("individualId", uin).put("transactionId", "consents-1");
        assertThat(bed.publicApi
                        .post("/v1/resident/otp", ask.copy().put("channels", new JsonArray().add("EMAIL")))
                        .status())
                .isEqualTo(200);
        Reply session = bed.publicApi.post(
                "/v1/resident/session", ask.put("otp", bed.lastCodeSentTo(person.getString("email"))));
        assertThat(session.status()).as(session.body()).isEqualTo(200);
        return new JsonObject(session.body()).getString("sessionToken");
    }

    private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
