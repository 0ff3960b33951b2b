package org.civis.server;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Future;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.civis.auth.cluster.EntryMac;
import org.civis.auth.demo.DemographicMatcher;
import org.civis.auth.otp.OtpService;
import org.civis.auth.partner.PartnerDirectory;
import org.civis.auth.partner.PartnerId;
import org.civis.auth.pseudonym.PseudonymousTokens;
import org.civis.auth.transaction.AuthRecorder;
import org.civis.auth.view.AuthViews;
import org.civis.core.Registry;
import org.civis.core.id.Uin;
import org.civis.core.schema.IdSchema;
import org.civis.oidc.client.ClientAssertions;
import org.civis.oidc.client.OidcClients;
import org.civis.oidc.consent.Consents;
import org.civis.oidc.flow.AuthorizationCodes;
import org.civis.oidc.flow.AuthorizationRequests;
import org.civis.oidc.flow.ClaimValues;
import org.civis.oidc.flow.CodeExchange;
import org.civis.oidc.flow.ConsentMemory;
import org.civis.oidc.flow.KnowledgeCheck;
import org.civis.oidc.flow.OidcSignInFlow;
import org.civis.oidc.flow.PushedRequests;
import org.civis.oidc.flow.SignInRecords;
import org.civis.oidc.token.AccessTokens;
import org.civis.oidc.token.DpopProofs;
import org.civis.oidc.token.IdTokens;
import org.civis.oidc.token.ProviderKeys;
import org.civis.oidc.token.UserInfoAnswers;
import org.civis.server.config.CivisConfig;
import org.civis.server.oidc.OidcComponents;
import org.civis.server.platform.RegistryKeyStore;
import org.civis.server.signin.IdNumberInput;
import org.civis.server.web.Pages;

/** Builds the OpenID provider's services from the auth services they share, once, at start. */
final class OidcWiring {
    /** Codes and pushed requests: short, as RFC 6749 4.1.2 and RFC 9126 2.2 advise. */
    private static final Duration CODE_LIFETIME = Duration.ofSeconds(60);

    private static final Duration PUSHED_LIFETIME = Duration.ofSeconds(60);
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);

    private OidcWiring() {}

    /** The services the auth API already built, which the provider reuses. */
    record Shared(
            HazelcastInstance hazelcast,
            EntryMac clusterMac,
            PartnerDirectory partners,
            AuthViews views,
            OtpService otps,
            PseudonymousTokens pseudonyms,
            AuthRecorder recorder,
            Consents consents) {}

    static OidcComponents components(CivisConfig config, Registry registry, Shared shared, Clock clock) {
        IdSchema schema = registry.settings().schema();
        URI issuer = config.oidc().issuer();
        ProviderKeys keys = RegistryKeyStore.openProviderKeys(config);
        OidcClients clients = new OidcClients(shared.partners());
        AccessTokens accessTokens = new AccessTokens(shared.hazelcast(), shared.clusterMac(), TOKEN_LIFETIME, clock);
        AuthorizationCodes codes =
                new AuthorizationCodes(shared.hazelcast(), shared.clusterMac(), CODE_LIFETIME, accessTokens, clock);
        PushedRequests pushed = new PushedRequests(shared.hazelcast(), shared.clusterMac(), PUSHED_LIFETIME, clock);
        ClaimValues claimValues = new ClaimValues(registry.identities(), schema.languages());
        OidcSignInFlow flow = new OidcSignInFlow(
                clients,
                pushed,
                shared.hazelcast(),
                shared.clusterMac(),
                new OidcSignInFlow.Factors(
                        shared.views(),
                        shared.otps(),
                        new KnowledgeCheck(shared.views(), new DemographicMatcher(schema)),
                        registry.vids()),
                consents(shared.consents(), config.oidc().consentLifetime()),
                codes,
                shared.pseudonyms(),
                new SignInRecords(shared.recorder(), clock),
                issuer,
                OidcSignInFlow.Settings.DEFAULT,
                clock);
        return new OidcComponents(
                issuer,
                schema.languages(),
                clients,
                new ClientAssertions(shared.hazelcast(), issuer, clock),
                new AuthorizationRequests(issuer),
                pushed,
                flow,
                new CodeExchange(codes, accessTokens, new IdTokens(keys, issuer, TOKEN_LIFETIME), claimValues, clock),
                accessTokens,
                new DpopProofs(shared.hazelcast(), clock),
                claimValues,
                new UserInfoAnswers(keys, issuer),
                keys,
                Pages.create(schema.languages()),
                new IdNumberInput(config.uinLength(), config.vidLength()));
    }

    /** The flow's view of the remembered consents: covered while unexpired, kept for {@code lifetime}. */
    private static ConsentMemory consents(Consents consents, Duration lifetime) {
        return new ConsentMemory() {
            @Override
            public Future<Boolean> covers(Uin uin, PartnerId client, Set<String> claims) {
                return consents.find(uin, client)
                        .map(found -> found.filter(c -> c.covers(claims)).isPresent());
            }

            @Override
            public Future<Void> remember(Uin uin, PartnerId client, Set<String> claims) {
                return consents.grant(uin, client, claims, lifetime);
            }
        };
    }
}
