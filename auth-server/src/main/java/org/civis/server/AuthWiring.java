package org.civis.server;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.sqlclient.Pool;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.civis.auth.admission.Admission;
import org.civis.auth.admission.SignedRequestVerifier;
import org.civis.auth.answer.AuthAnswers;
import org.civis.auth.answer.KycSealer;
import org.civis.auth.answer.ResponseSigner;
import org.civis.auth.bio.BiometricAuthenticator;
import org.civis.auth.bio.BiometricMatchers;
import org.civis.auth.cluster.CacheSeal;
import org.civis.auth.cluster.EntryMac;
import org.civis.auth.decision.AuthDecision;
import org.civis.auth.demo.DemographicMatcher;
import org.civis.auth.demo.MatchData;
import org.civis.auth.keys.AuthKeys;
import org.civis.auth.keys.ServerJwks;
import org.civis.auth.otp.NotificationChannel;
import org.civis.auth.otp.OtpCodes;
import org.civis.auth.otp.OtpRequests;
import org.civis.auth.otp.OtpService;
import org.civis.auth.otp.OutboxChannel;
import org.civis.auth.otp.WebhookChannel;
import org.civis.auth.partner.PartnerDirectory;
import org.civis.auth.partner.PartnerService;
import org.civis.auth.pseudonym.PseudonymousTokens;
import org.civis.auth.request.FactorDecryptor;
import org.civis.auth.request.RequestParser;
import org.civis.auth.resident.AddressBudget;
import org.civis.auth.resident.ResidentLogin;
import org.civis.auth.resident.ResidentSessions;
import org.civis.auth.transaction.AuthHistory;
import org.civis.auth.transaction.AuthRecorder;
import org.civis.auth.view.AuthViews;
import org.civis.core.Registry;
import org.civis.core.schema.IdSchema;
import org.civis.server.config.AuthSettings;
import org.civis.server.config.CivisConfig;
import org.civis.server.http.ClientAddress;
import org.civis.server.metrics.NodeMetrics;
import org.civis.server.oidc.OidcComponents;
import org.civis.server.partnerapi.AuthComponents;
import org.civis.server.resident.ResidentComponents;

/** Builds the auth services from the configuration, once, at start. */
final class AuthWiring {
    private AuthWiring() {}

    /** The partner API's services and the resident API's, which share the OTP requests. */
    record Wired(AuthComponents auth, ResidentComponents resident, OidcComponents oidc) {}

    static Wired components(
            CivisConfig config,
            Vertx vertx,
            HazelcastInstance hazelcast,
            Pool pool,
            Registry registry,
            AuthKeys keys,
            AuthRecorder recorder,
            AtomicReference<AuthViews> viewsHolder,
            NodeMetrics metrics,
            Clock clock) {
        AuthSettings settings = config.auth();
        var schema = registry.settings().schema();
        // Authenticates what this node keeps in Hazelcast; the key itself never enters the cluster.
        EntryMac clusterMac = new EntryMac(keys.clusterEntryKey());
        AuthViews views = new AuthViews(
                hazelcast, registry.authFacts(), schema, new CacheSeal(keys.cacheKey()), clusterMac, vertx);
        viewsHolder.set(views);
        warmUpPhoneticRules(vertx, schema);
        PartnerDirectory directory = new PartnerDirectory(hazelcast, pool, clusterMac);
        PartnerService partners = new PartnerService(
                pool,
                directory,
                schema.fields().stream().map(f -> f.name()).collect(java.util.stream.Collectors.toSet()),
                clock);
        OtpService otps = new OtpService(
                hazelcast,
                new OtpCodes(keys.otpKey(), new SecureRandom()),
                metrics.counted(channel(config, vertx, clock)),
                new OtpService.Settings(
                        settings.otpTtl(),
                        settings.otpAttempts(),
                        settings.otpMaxRequests(),
                        settings.otpRequestWindow()),
                clock,
                clusterMac);
        PseudonymousTokens pseudonyms = new PseudonymousTokens(keys.tokenKey());
        AuthDecision decision = new AuthDecision(
                views,
                new DemographicMatcher(schema),
                otps,
                new BiometricAuthenticator(registry.biometrics(), registry.identities(), BiometricMatchers.installed()),
                pseudonyms,
                registry.vids(),
                registry.identities(),
                recorder,
                vertx,
                clock);
        ResidentSessions sessions =
                new ResidentSessions(hazelcast, settings.residentSessionLifetime(), clusterMac, clock);
        OtpRequests otpRequests = new OtpRequests(views, otps, recorder, clock);
        AuthComponents partnerApi = new AuthComponents(
                new Admission(
                        directory,
                        new SignedRequestVerifier(),
                        new RequestParser(new FactorDecryptor(keys)),
                        hazelcast,
                        settings.requestTimeWindow(),
                        clock),
                decision,
                otpRequests,
                new AuthAnswers(new ResponseSigner(keys), new KycSealer(), clock),
                new ServerJwks(keys),
                partners,
                metrics.auth());
        ResidentComponents residentApi = new ResidentComponents(
                new ResidentLogin(views, otps, sessions, recorder, clock),
                otpRequests,
                new AddressBudget(
                        hazelcast, settings.residentOtpPerAddress(), settings.residentOtpAddressWindow(), clock),
                new ClientAddress(settings.trustedProxies()),
                sessions,
                new AuthHistory(pool),
                registry.locks(),
                registry.vids());
        OidcComponents oidc = OidcWiring.components(
                config,
                registry,
                new OidcWiring.Shared(hazelcast, clusterMac, directory, views, otps, pseudonyms, recorder),
                clock);
        return new Wired(partnerApi, residentApi, oidc);
    }

    /**
     * Beider-Morse loads its rule files on first use (about a second): done at start, off the
     * event loop, so the first resident whose view is built does not wait for it.
     */
    private static void warmUpPhoneticRules(Vertx vertx, IdSchema schema) {
        JsonObject sample = new JsonObject()
                .put(
                        schema.deduplication().name(),
                        new JsonObject().put(schema.languages().get(0), "Warm Up"));
        vertx.executeBlocking(() -> MatchData.of(schema, sample), false);
    }

    private static NotificationChannel channel(CivisConfig config, Vertx vertx, Clock clock) {
        return switch (config.auth().otpDelivery()) {
            case OUTBOX -> new OutboxChannel(config.dataDir().resolve("outbox").resolve("otp.jsonl"), vertx, clock);
            case WEBHOOK ->
                new WebhookChannel(
                        WebClient.create(vertx), config.auth().otpWebhook().orElseThrow());
        };
    }
}
