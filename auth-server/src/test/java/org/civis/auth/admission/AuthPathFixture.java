package org.civis.auth.admission;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.civis.auth.cluster.CacheSeal;
import org.civis.auth.cluster.EntryMac;
import org.civis.auth.keys.AuthKeys;
import org.civis.auth.keys.TestKeys;
import org.civis.auth.otp.OtpCodes;
import org.civis.auth.otp.OtpMessage;
import org.civis.auth.otp.OtpService;
import org.civis.auth.partner.PartnerDirectory;
import org.civis.auth.partner.PartnerId;
import org.civis.auth.partner.PartnerPolicy;
import org.civis.auth.partner.PartnerService;
import org.civis.auth.request.FactorDecryptor;
import org.civis.auth.request.RequestParser;
import org.civis.auth.transaction.AuthRecorder;
import org.civis.auth.view.AuthViews;
import org.civis.core.refusal.Result;
import org.civis.core.registry.RegistryFixture;
import org.civis.core.storage.Await;
import org.civis.server.TestServers;
import org.civis.server.config.ConfigLoader;
import org.civis.server.partnerapi.TestPartner;
import org.civis.server.platform.HazelcastMember;

/**
 * The parts behind the partner routes, without an HTTP server: a real registry on embedded
 * PostgreSQL, a real Hazelcast member, real keys, the partner directory, the auth views, the
 * transaction recorder and OTP service (whose messages are kept in {@link #sent}).
 */
public final class AuthPathFixture implements AutoCloseable {
    public final RegistryFixture registry;
    public final HazelcastInstance member;
    public final AuthKeys keys;
    public final EntryMac mac;
    public final PartnerDirectory directory;
    public final PartnerService partners;
    public final AuthViews views;
    public final AuthRecorder recorder;
    public final OtpService otps;
    public final RequestParser parser;
    public final List<OtpMessage> sent = new CopyOnWriteArrayList<>();

    public AuthPathFixture() {
        AtomicReference<AuthViews> viewsHolder = new AtomicReference<>();
        registry = new RegistryFixture(uin -> viewsHolder.get() == null
                ? Future.succeededFuture()
                : viewsHolder.get().changed(uin));
        member = HazelcastMember.start(
                ConfigLoader.load(Map.of(
                        "CIVIS_HZ_CLUSTER_NAME",
                        "auth-path-test-" + UUID.randomUUID(),
                        "CIVIS_HZ_PORT",
                        String.valueOf(TestServers.freePort()))),
                "test-join-secret");
        keys = TestKeys.SERVER;
        mac = new EntryMac(keys.clusterEntryKey());
        directory = new PartnerDirectory(member, registry.pool, mac);
        var schema = registry.registry.settings().schema();
        partners = new PartnerService(
                registry.pool,
                directory,
                schema.fields().stream().map(f -> f.name()).collect(Collectors.toSet()),
                registry.clock);
        views = new AuthViews(
                member, registry.registry.authFacts(), schema, new CacheSeal(keys.cacheKey()), mac, registry.vertx);
        viewsHolder.set(views);
        recorder = new AuthRecorder(registry.pool);
        otps = new OtpService(
                member,
                new OtpCodes(keys.otpKey(), new SecureRandom()),
                message -> {
                    sent.add(message);
                    return Future.succeededFuture();
                },
                new OtpService.Settings(Duration.ofMinutes(5), 3, 5, Duration.ofMinutes(10)),
                registry.clock,
                mac);
        parser = new RequestParser(new FactorDecryptor(keys));
    }

    /** A policy allowing these auth types, 1,000 requests a second, and e-KYC of these attributes. */
    public static JsonObject policy(List<String> authTypes, List<String> kycAttributes) {
        return new JsonObject()
                .put("authTypes", new JsonArray(authTypes))
                .put("kycAttributes", new JsonArray(kycAttributes))
                .put("requestsPerSecond", 1000);
    }

    /** Registers the partner under {@code policy} and gives it its API key. */
    public TestPartner register(TestPartner partner, JsonObject policy) {
        PartnerService.Registration registration = call(() -> partners.register(
                        new PartnerId(partner.id),
                        "Test partner " + partner.id,
                        List.of(partner.signingKey.toPublicJWK()),
                        Optional.of(partner.encryptionKey.toPublicJWK()),
                        PartnerPolicy.fromJson(policy),
                        "test")
                .map(Result::orElseThrow));
        partner.apiKey = registration.apiKey();
        return partner;
    }

    public static <T> T await(Future<T> future) {
        return Await.result(future);
    }

    /**
     * Runs {@code call} on a Vert.x context, as a route handler would, and waits for its result:
     * cluster answers come back to that context, off Hazelcast's own threads.
     */
    public <T> T call(Supplier<Future<T>> call) {
        Promise<T> result = Promise.promise();
        registry.vertx.getOrCreateContext().runOnContext(ignored -> call.get().onComplete(result));
        return Await.result(result.future());
    }

    /** The transaction records of a partner, as {@code kind transaction success errors uin id_type auth_types}. */
    public List<String> records(String partnerId) {
        return registry.rows("select kind || ' ' || transaction_id || ' ' || success || ' '"
                + " || array_to_string(errors, ',') || ' ' || coalesce(uin, '-') || ' ' || coalesce(id_type, '-')"
                + " || ' ' || array_to_string(auth_types, ',') from auth_transactions where partner_id = '" + partnerId
                + "' order by id");
    }

    @Override
    public void close() {
        member.shutdown();
        registry.close();
    }
}
