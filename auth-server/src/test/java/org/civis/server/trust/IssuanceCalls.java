package org.civis.server.trust;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.civis.core.registry.Residents;
import org.civis.issuer.samples.SampleHolders;
import org.civis.issuer.samples.SyntheticPortrait;
import org.civis.server.HttpClientForTests.Reply;
import org.civis.server.partnerapi.AuthTestbed;

/** The admin calls the issuance tests make, each checked to succeed. */
final class IssuanceCalls {
    private IssuanceCalls() {}

    /** Resident {@code n} with a synthetic portrait, so that the credential carries a photo. */
    static JsonObject residentWithPhoto(int n) {
        return Residents.full(n).put("photo", SampleHolders.photo("jpeg", SyntheticPortrait.jpeg(n)));
    }

    /** A new credential for the identity: the admin API's answer. */
    static JsonObject issue(AuthTestbed bed, String uin) {
        Reply reply = bed.admin.post("/v1/identities/" + uin + "/credentials", new JsonObject());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    /** {@code deactivate}, {@code reactivate} or {@code revoke}. */
    static void lifecycle(AuthTestbed bed, String uin, String action) {
        Reply reply = bed.admin.post("/v1/identities/" + uin + "/" + action, new JsonObject());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }
}
