package org.civis.server.resident;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civis.core.registry.Residents;
import org.civis.server.HttpClientForTests.Reply;
import org.civis.server.partnerapi.AuthTestbed;
import org.civis.server.partnerapi.TestPartner;
import org.junit.jupiter.api.Test;

/**
 * The open resident portal cannot block a resident's codes with partners, nor be used to send
 * codes to many residents: partner and portal budgets per identity are apart, and the portal
 * also counts per client address.
 */
class ResidentOtpBudgetTest {

    @Test
    void portalRequestsForAnIdentityDoNotStopAPartnersCodeForIt() {
        try (AuthTestbed bed = new AuthTestbed(Map.of("CIVIS_RESIDENT_OTP_PER_ADDRESS", "1000"))) {
            TestPartner bank = bed.register("budget-bank", AuthTestbed.policy("OTP"));
            String uin = bed.enroll(Residents.full(601));
            for (int i = 0; i < 6; i++) {
                bed.publicApi.post("/v1/resident/otp", portalAsk(uin));
            }

            Reply partner = bed.call(bank, "/v1/otp", otpRequest(bed, uin));

            assertThat(partner.status()).as(partner.body()).isEqualTo(200);
            assertThat(bed.answer(partner).getBoolean("sent")).isTrue();
        }
    }

    @Test
    void thePortalBudgetPerIdentityIsItsOwnAndHolds() {
        try (AuthTestbed bed = new AuthTestbed(Map.of("CIVIS_RESIDENT_OTP_PER_ADDRESS", "1000"))) {
            TestPartner bank = bed.register("budget-bank", AuthTestbed.policy("OTP"));
            String uin = bed.enroll(Residents.full(602));
            for (int i = 0; i < 3; i++) {
                assertThat(bed.call(bank, "/v1/otp", otpRequest(bed, uin)).status())
                        .isEqualTo(200);
            }

            List<Integer> portal = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                portal.add(
                        bed.publicApi.post("/v1/resident/otp", portalAsk(uin)).status());
            }

            assertThat(portal).containsExactly(200, 200, 200, 200, 200, 429);
        }
    }

    @Test
    void oneClientAskingForManyIdentitiesIsRefusedAfterItsBudget() {
        try (AuthTestbed bed = new AuthTestbed(Map.of("CIVIS_RESIDENT_OTP_PER_ADDRESS", "10"))) {
            List<String> uins = new ArrayList<>();
            for (int n = 0; n < 4; n++) {
                uins.add(bed.enroll(Residents.full(610 + n)));
            }

            List<Reply> replies = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (String uin : uins) {
                    replies.add(bed.publicApi.post("/v1/resident/otp", portalAsk(uin)));
                }
            }

            assertThat(replies.subList(0, 10))
                    .allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
            assertThat(replies.subList(10, 12)).allSatisfy(r -> {
                assertThat(r.status()).isEqualTo(429);
                assertThat(r.errorCode()).isEqualTo("OTP_RATE_LIMITED");
            });
        }
    }

    @Test
    void forwardedForNamesTheClientOnlyWhenThePeerIsATrustedProxy() {
        try (AuthTestbed direct = new AuthTestbed(Map.of("CIVIS_RESIDENT_OTP_PER_ADDRESS", "1"))) {
            String uin = direct.enroll(Residents.full(620));
            List<Integer> spoofed = new ArrayList<>();
            for (String claimed : List.of("203.0.113.1", "203.0.113.2")) {
                spoofed.add(forwarded(direct, uin, claimed).status());
            }
            assertThat(spoofed).containsExactly(200, 429);
        }
        try (AuthTestbed proxied =
                new AuthTestbed(Map.of("CIVIS_RESIDENT_OTP_PER_ADDRESS", "1", "CIVIS_TRUSTED_PROXIES", "127.0.0.1"))) {
            String uin = proxied.enroll(Residents.full(621));
            List<Integer> clients = new ArrayList<>();
            for (String client : List.of("203.0.113.1", "203.0.113.2", "203.0.113.1")) {
                clients.add(forwarded(proxied, uin, client).status());
            }
            assertThat(clients).containsExactly(200, 200, 429);
        }
    }

    private static Reply forwarded(AuthTestbed bed, String uin, String client) {
        return bed.publicApi.send(
                "POST",
                "/v1/resident/otp",
                portalAsk(uin).encode(),
                "application/json",
                Map.of("x-forwarded-for", "198.51.100.7, " + client));
    }

    private static JsonObject portalAsk(String uin) {
        return new JsonObject()
                .put("individualId", uin)
                .put("transactionId", "portal-" + UUID.randomUUID())
                .put("channels", new JsonArray().add("PHONE"));
    }

    private static JsonObject otpRequest(AuthTestbed bed, String uin) {
        JsonObject request = bed.request(uin, new JsonObject()).put("channels", new JsonArray().add("PHONE"));
        request.remove("factors");
        return request;
    }
}
