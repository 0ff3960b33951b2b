package org.civis.server.partnerapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import gadget.SideEffectOnRead;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.civis.auth.cluster.ClusterMaps;
import org.civis.core.registry.Residents;
import org.civis.server.HttpClientForTests.Reply;
import org.civis.server.TestServers;
import org.civis.server.platform.RegistryKeyStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cluster network as an attacker reaches it. Without the join secret: a Hazelcast client, or a
 * member that knows only the cluster name, gets nothing. With it (a rogue member inside the
 * cluster, the worst case): what it writes into the maps is refused by the nodes, never trusted.
 */
class ClusterTrustTest {
    private static AuthTestbed bed;
    private static HazelcastInstance rogue;
    private static TestPartner bank;

    @BeforeAll
    static void start() {
        bed = new AuthTestbed(Map.of());
        bank = bed.register("trust-bank", AuthTestbed.policy("DEMO", "OTP"));
        // The worst case: a member that learnt the join secret (here read from the node's own keys).
        String joinSecret = RegistryKeyStore.openAuthKeys(bed.server.config())
                .clusterJoinSecret(bed.server.config().hazelcastClusterName());
        rogue = Hazelcast.newHazelcastInstance(memberOf(bed.server.config().hazelcastClusterName() + "-" + joinSecret));
        assertThat(rogue.getCluster().getMembers()).hasSize(2);
    }

    @AfterAll
    static void stop() {
        if (rogue != null) {
            rogue.shutdown();
        }
        bed.close();
    }

    @Test
    void aHazelcastClientCannotConnectToAMember() {
        // Even with the full cluster name, join secret included: members speak no client protocol.
        ClientConfig client = new ClientConfig();
        client.setClusterName(rogue.getConfig().getClusterName());
        client.setProperty("hazelcast.logging.type", "slf4j");
        client.getNetworkConfig().addAddress("127.0.0.1:" + bed.server.config().hazelcastPort());
        client.getNetworkConfig().setConnectionTimeout(1_000);
        client.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(2_000);

        assertThatThrownBy(() -> HazelcastClient.newHazelcastClient(client).shutdown())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMemberThatKnowsOnlyTheClusterNameIsNotAdmitted() {
        HazelcastInstance stranger =
                Hazelcast.newHazelcastInstance(memberOf(bed.server.config().hazelcastClusterName()));
        try {
            assertThat(stranger.getCluster().getMembers()).hasSize(1);
            assertThat(bed.server.hazelcastMembers()).isEqualTo(2); // the node and the rogue only
        } finally {
            stranger.shutdown();
        }
    }

    @Test
    void aSessionWrittenIntoTheClusterIsNotASession() throws Exception {
        String[] victim = residentWithSession(301);
        String token = "A".repeat(43); // a token the attacker chose
        IMap<String, Object> sessions = rogue.getMap(ClusterMaps.RESIDENT_SESSIONS);
        // The attacker copies an authentic entry (its own, say) to the digest of its token and
        // points it at the victim.
        Object authentic = sessions.get(sha256(victim[1]));
        sessions.put(sha256(token), withComponent(authentic, "uin", victim[0]));

        assertThat(locksWith(victim[1]).status()).isEqualTo(200);
        assertThat(locksWith(token).status()).isEqualTo(401);
    }

    @Test
    void aLibraryClassSentByAMemberIsNotDeserialized() throws Exception {
        String token = "B".repeat(43);
        rogue.getMap(ClusterMaps.RESIDENT_SESSIONS).set(sha256(token), new SideEffectOnRead());

        assertThat(locksWith(token).status()).isNotEqualTo(200);
        assertThat(SideEffectOnRead.READS.get()).isZero();
    }

    @Test
    void aCodeWhoseAttemptsWereResetStaysLocked() throws Exception {
        String[] otp = otpFor(302);
        String wrong = otp[2].equals("000000") ? "111111" : "000000";
        IMap<String, Object> pending = rogue.getMap(ClusterMaps.OTPS);
        String key = "trust-bank|" + otp[0];
        Object fresh = pending.get(key);
        for (int attempt = 0; attempt < 3; attempt++) {
            authWithOtp(otp[0], wrong);
        }
        assertThat(bed.errors(authWithOtp(otp[0], wrong))).containsExactly("OTP_LOCKED");

        pending.put(key, fresh); // the entry as it was issued, attempts and all

        assertThat(bed.errors(authWithOtp(otp[0], wrong))).containsExactly("OTP_LOCKED");
        assertThat(bed.errors(authWithOtp(otp[0], otp[2]))).containsExactly("OTP_LOCKED");
    }

    @Test
    void aCodeWhoseExpiryWasStretchedIsRefused() throws Exception {
        String[] otp = otpFor(303);
        IMap<String, Object> pending = rogue.getMap(ClusterMaps.OTPS);
        String key = "trust-bank|" + otp[0];
        Object issued = pending.get(key);
        long expiry = (long) component(issued, "expiresAtMillis");
        pending.put(
                key,
                withComponent(
                        issued, "expiresAtMillis", expiry + Duration.ofDays(1).toMillis()));
        bed.clock.advance(Duration.ofHours(1));

        assertThat(bed.errors(authWithOtp(otp[0], otp[2]))).containsExactly("OTP_NOT_REQUESTED");
    }

    @Test
    void aSuspendedPartnerFlippedToActiveInTheClusterStaysSuspended() throws Exception {
        String uin = bed.enroll(Residents.full(304));
        TestPartner shaky = bed.register("trust-shaky", AuthTestbed.policy("DEMO"));
        assertThat(bed.admin.post("/v1/partners/trust-shaky/suspend", "", null).status())
                .isEqualTo(200);
        IMap<String, Object> partners = rogue.getMap(ClusterMaps.PARTNERS);
        Object suspended = partners.get("trust-shaky");
        JsonObject json = new JsonObject((String) component(suspended, "json")).put("status", "ACTIVE");
        long revision = (long) component(suspended, "revision");
        partners.put(
                "trust-shaky",
                withComponent(withComponent(suspended, "json", json.encode()), "revision", revision + 1));
        Thread.sleep(300); // the node's near cache hears of the change asynchronously

        Reply refused = bed.call(shaky, "/v1/auth", bed.request(uin, birthDate(304)));
        assertThat(bed.errors(refused)).containsExactly("PARTNER_SUSPENDED");
    }

    @Test
    void aPartnerEntryPutBackFromBeforeItsSuspensionIsNotBelieved() throws Exception {
        String uin = bed.enroll(Residents.full(305));
        TestPartner shaky = bed.register("trust-rollback", AuthTestbed.policy("DEMO"));
        assertThat(bed.answer(bed.call(shaky, "/v1/auth", bed.request(uin, birthDate(305))))
                        .getBoolean("authenticated"))
                .isTrue();
        IMap<String, Object> partners = rogue.getMap(ClusterMaps.PARTNERS);
        Object active = partners.get("trust-rollback");
        bed.admin.post("/v1/partners/trust-rollback/suspend", "", null);
        assertThat(bed.errors(bed.call(shaky, "/v1/auth", bed.request(uin, birthDate(305)))))
                .containsExactly("PARTNER_SUSPENDED");

        partners.put("trust-rollback", active);
        Thread.sleep(300);

        assertThat(bed.errors(bed.call(shaky, "/v1/auth", bed.request(uin, birthDate(305)))))
                .containsExactly("PARTNER_SUSPENDED");
    }

    @Test
    void aLockRemovedFromACachedViewStillRefuses() throws Exception {
        String uin = bed.enroll(Residents.full(306));
        bed.admin.post(
                "/v1/identities/" + uin + "/locks",
                new JsonObject().put("authTypes", new JsonArray().add("demo")).put("locked", true));
        assertThat(bed.errors(bed.call(bank, "/v1/auth", bed.request(uin, birthDate(306)))))
                .containsExactly("AUTH_TYPE_LOCKED");
        IMap<String, Object> views = rogue.getMap(ClusterMaps.AUTH_VIEWS);
        Object locked = views.get(uin);
        long revision = (long) component(locked, "revision");
        views.put(uin, withComponent(withComponent(locked, "locks", List.of()), "revision", revision + 1));
        Thread.sleep(300);

        assertThat(bed.errors(bed.call(bank, "/v1/auth", bed.request(uin, birthDate(306)))))
                .containsExactly("AUTH_TYPE_LOCKED");
    }

    private static Config memberOf(String clusterName) {
        Config config = new Config();
        config.setClusterName(clusterName);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.max.join.seconds", "10");
        // As an attacker would: the nodes' near caches hear of each forged value at once.
        config.setProperty("hazelcast.map.invalidation.batch.enabled", "false");
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(TestServers.freePort()).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig()
                .setEnabled(true)
                .addMember("127.0.0.1:" + bed.server.config().hazelcastPort());
        return config;
    }

    /** Enrolls a resident and signs them in with a code; answers {uin, session token}. */
    private static String[] residentWithSession(int resident) {
        JsonObject person = Residents.full(resident);
        String uin = bed.enroll(person);
        String transaction = "portal-" + resident;
        JsonObject ask = new JsonObject()
                .put("individualId", uin)
                .put("transactionId", transaction)
                .put("channels", new JsonArray().add("EMAIL"));
        assertThat(bed.publicApi.post("/v1/resident/otp", ask).status()).isEqualTo(200);
        Reply session = bed.publicApi.post(
                "/v1/resident/session",
                new JsonObject()
                        .put("individualId", uin)
                        .put("transactionId", transaction)
                        .put("otp", bed.lastCodeSentTo(person.getString("email"))));
        assertThat(session.status()).as(session.body()).isEqualTo(200);
        return new String[] {uin, session.json().getString("sessionToken")};
    }

    private static Reply locksWith(String token) {
        return bed.publicApi.send(
                "POST",
                "/v1/resident/me/locks",
                new JsonObject()
                        .put("authTypes", new JsonArray().add("bio"))
                        .put("locked", true)
                        .encode(),
                "application/json",
                Map.of("authorization", "Bearer " + token));
    }

    /** Sends the bank an OTP for a new resident; returns {uin, transaction, code}. */
    private static String[] otpFor(int resident) {
        JsonObject person = Residents.full(resident);
        String uin = bed.enroll(person);
        JsonObject request = bed.request(uin, new JsonObject()).put("channels", new JsonArray().add("PHONE"));
        request.remove("factors");
        assertThat(bed.answer(bed.call(bank, "/v1/otp", request)).getBoolean("sent"))
                .isTrue();
        return new String[] {uin, request.getString("transactionId"), bed.lastCodeSentTo(person.getString("phone"))};
    }

    private static Reply authWithOtp(String uin, String code) {
        return bed.call(bank, "/v1/auth", bed.request(uin, new JsonObject().put("otp", code)));
    }

    private static JsonObject birthDate(int resident) {
        return new JsonObject()
                .put(
                        "demographics",
                        new JsonObject()
                                .put("dateOfBirth", Residents.full(resident).getString("dateOfBirth")));
    }

    private static String sha256(String token) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * A copy of a cached value with one field changed, as a member holding the classes can make:
     * a record's component replaced, or a bare value replaced whole.
     */
    private static Object withComponent(Object value, String name, Object replacement) throws Exception {
        if (!value.getClass().isRecord()) {
            return replacement;
        }
        RecordComponent[] components = value.getClass().getRecordComponents();
        Object[] arguments = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            arguments[i] =
                    components[i].getName().equals(name) ? replacement : component(value, components[i].getName());
        }
        Constructor<?> constructor = value.getClass().getDeclaredConstructor(types);
        constructor.setAccessible(true);
        return constructor.newInstance(arguments);
    }

    private static Object component(Object record, String name) throws Exception {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                return accessor.invoke(record);
            }
        }
        throw new IllegalArgumentException("no component " + name);
    }
}
