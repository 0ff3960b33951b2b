package org.civis.oidc.flow;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.civis.auth.cluster.ClusterMaps;
import org.civis.auth.cluster.EntryMac;
import org.civis.auth.otp.ContactChannel;
import org.civis.auth.otp.Contacts;
import org.civis.auth.otp.OtpCheck;
import org.civis.auth.otp.OtpService;
import org.civis.auth.pseudonym.PseudonymousTokens;
import org.civis.auth.refusal.AuthError;
import org.civis.auth.view.AuthView;
import org.civis.auth.view.AuthViews;
import org.civis.auth.view.IdentityResolver;
import org.civis.auth.view.ResolvedIdentity;
import org.civis.core.id.IndividualId;
import org.civis.core.id.Vid;
import org.civis.core.lock.AuthType;
import org.civis.core.vid.VidService;
import org.civis.oidc.OAuthError;
import org.civis.oidc.client.OidcClients;

/**
 * The provider's {@link SignInFlow}: each sign-in lives in the cluster under the digest of its
 * handle, authenticated ({@link ClusterEntries}), for {@link Settings#lifetime()}. It ends once:
 * allow and deny both remove it before the browser is sent back. Wrong answers are counted per
 * sign-in on top of the OTP service's own attempts and rate limits, and each step is recorded in
 * the resident's auth history ({@link SignInRecords}).
 */
public final class OidcSignInFlow implements SignInFlow {
    /**
     * @param lifetime how long a sign-in may take, all pages included
     * @param maxIdentifications how many times one sign-in may send a code
     * @param maxWrongAnswers wrong codes or dates of birth one sign-in may take
     */
    public record Settings(Duration lifetime, int maxIdentifications, int maxWrongAnswers) {
        public static final Settings DEFAULT = new Settings(Duration.ofMinutes(10), 3, 5);
    }

    /** What identifies and authenticates a resident: the auth cache and the OTP service. */
    public record Factors(AuthViews views, OtpService otps, KnowledgeCheck knowledge, VidService vids) {}

    private static final Set<ContactChannel> ALL_CONTACTS = Set.of(ContactChannel.PHONE, ContactChannel.EMAIL);

    private final OidcClients clients;
    private final AuthorizationRequests requests;
    private final PushedRequests pushed;
    private final ClusterEntries signIns;
    private final Factors factors;
    private final IdentityResolver resolver;
    private final ConsentMemory consents;
    private final SignInEndings endings;
    private final SignInRecords records;
    private final URI issuer;
    private final Settings settings;
    private final Clock clock;

    public OidcSignInFlow(
            OidcClients clients,
            PushedRequests pushed,
            HazelcastInstance hazelcast,
            EntryMac mac,
            Factors factors,
            ConsentMemory consents,
            AuthorizationCodes codes,
            PseudonymousTokens pseudonyms,
            SignInRecords records,
            URI issuer,
            Settings settings,
            Clock clock) {
        this.clients = clients;
        this.requests = new AuthorizationRequests(issuer);
        this.pushed = pushed;
        this.signIns = new ClusterEntries(hazelcast, ClusterMaps.OIDC_SIGN_INS, mac, clock);
        this.factors = factors;
        this.resolver = new IdentityResolver(factors.views());
        this.consents = consents;
        this.endings = new SignInEndings(signIns, clients, codes, pseudonyms, factors.vids(), issuer, clock);
        this.records = records;
        this.issuer = issuer;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Future<Step> start(Map<String, List<String>> query) {
        String clientId = AuthorizationRequests.single(query, "client_id").orElse("");
        Optional<String> requestUri = AuthorizationRequests.single(query, "request_uri");
        return clients.find(clientId).compose(client -> {
            if (requestUri.isEmpty()) {
                return open(requests.check(query, client, false));
            }
            if (client.isEmpty()) {
                return Future.succeededFuture(new Step.Ended(OAuthError.CLIENT_UNKNOWN));
            }
            return pushed.take(client.get().id(), requestUri.get())
                    .compose(form -> form.isEmpty()
                            ? Future.succeededFuture(new Step.Ended(OAuthError.INVALID_REQUEST_URI))
                            : open(requests.check(form.get(), client, true)));
        });
    }

    private Future<Step> open(AuthorizationRequests.Checked checked) {
        if (checked instanceof AuthorizationRequests.Checked.Refused refused) {
            return Future.succeededFuture(
                    refused.sendTo().<Step>map(Step.Redirect::new).orElseGet(() -> new Step.Ended(refused.error())));
        }
        AuthorizationRequests.Checked.Accepted accepted = (AuthorizationRequests.Checked.Accepted) checked;
        String handle = ClusterEntries.newSecret();
        SignInState state =
                SignInState.begin(accepted.request(), accepted.client().name(), ClusterEntries.newSecret());
        long expiresAt = clock.millis() + settings.lifetime().toMillis();
        return signIns.put(handle, state.toJson().put("expiresAt", expiresAt), settings.lifetime())
                .map(v -> show(handle, state, expiresAt, Optional.empty()));
    }

    @Override
    public Future<Step> identify(String handle, String csrf, IndividualId individualId) {
        return load(handle, csrf).compose(found -> found.<Future<Step>>map(signIn -> {
                    SignInState state = signIn.state();
                    if (state.stage() != Stage.IDENTIFY && state.stage() != Stage.CODE) {
                        return Future.succeededFuture(signIn.show(Optional.empty()));
                    }
                    if (state.identifications() >= settings.maxIdentifications()) {
                        return Future.succeededFuture(signIn.show(Optional.of(Problem.TOO_MANY_ATTEMPTS)));
                    }
                    SignInState counted = state.identifying();
                    return resolver.resolve(individualId, clock.instant()).compose(resolution -> {
                        if (resolution instanceof ResolvedIdentity identity) {
                            return sendCode(signIn.with(counted), identity);
                        }
                        // Unknown, revoked or deactivated: a code page all the same, whose every answer is wrong.
                        return records.identityRefused(state.request().clientId(), individualId.type(), resolution)
                                .compose(v -> signIn.save(
                                        counted.awaitingCode(
                                                Optional.empty(), individualId.type(), Optional.empty(), List.of()),
                                        null));
                    });
                })
                .orElseGet(OidcSignInFlow::expired));
    }

    private Future<Step> sendCode(SignIn signIn, ResolvedIdentity identity) {
        AuthView view = identity.view();
        Instant now = clock.instant();
        Optional<AuthType> locked = view.lockedAt(AuthType.OTP, now)
                ? Optional.of(AuthType.OTP)
                : signIn.state().needsKnowledge() && view.lockedAt(AuthType.DEMO, now)
                        ? Optional.of(AuthType.DEMO)
                        : Optional.empty();
        SignInState state = signIn.state();
        if (locked.isPresent()) {
            return records.locked(state, view.uin(), identity.idType(), locked.get())
                    .compose(v -> signIn.save(state, Problem.OTP_LOCKED));
        }
        var data = factors.views().matchData(view);
        return factors.otps()
                .issue(view.uin(), requester(state), new Contacts(data.phone(), data.email()), ALL_CONTACTS)
                .map(issued -> issued.status() == OtpService.Issued.Status.SENT
                        ? Optional.of(issued.maskedContacts())
                        : Optional.<List<String>>empty())
                .otherwise(Optional.empty())
                .compose(sent -> sent.isPresent()
                        ? signIn.save(
                                state.awaitingCode(
                                        Optional.of(view.uin()), identity.idType(), countedVid(identity), sent.get()),
                                null)
                        : signIn.save(state, Problem.OTP_NOT_SENT));
    }

    /** A VID with a use limit is counted once, when the sign-in ends with a code. */
    private static Optional<Vid> countedVid(ResolvedIdentity identity) {
        return identity.vid().filter(v -> v.limitedUses()).map(v -> new Vid(v.vid()));
    }

    @Override
    public Future<Step> answerCode(String handle, String csrf, String code) {
        return load(handle, csrf).compose(found -> found.<Future<Step>>map(signIn -> {
                    SignInState state = signIn.state();
                    if (state.stage() != Stage.CODE) {
                        return Future.succeededFuture(signIn.show(Optional.empty()));
                    }
                    if (state.wrongAnswers() >= settings.maxWrongAnswers()) {
                        return Future.succeededFuture(signIn.show(Optional.of(Problem.TOO_MANY_ATTEMPTS)));
                    }
                    if (state.uin().isEmpty()) {
                        return records.codeChecked(state, AuthError.OTP_INVALID)
                                .compose(v -> signIn.save(state.wrong(), Problem.IDENTITY_OR_CODE_WRONG));
                    }
                    return factors.otps()
                            .check(state.uin().get(), requester(state), code)
                            .compose(check -> {
                                Optional<AuthError> refusal = check.refusal();
                                if (refusal.isPresent()) {
                                    Problem problem = check == OtpCheck.OTP_LOCKED
                                            ? Problem.TOO_MANY_ATTEMPTS
                                            : Problem.IDENTITY_OR_CODE_WRONG;
                                    return records.codeChecked(state, refusal.get())
                                            .compose(v -> signIn.save(state.wrong(), problem));
                                }
                                return records.codeChecked(state, null).compose(written -> {
                                    if (!written) {
                                        return unavailable();
                                    }
                                    return state.needsKnowledge()
                                            ? signIn.save(state.proven("otp", Stage.KNOWLEDGE, clock.instant()), null)
                                            : authenticated(
                                                    signIn.with(state.proven("otp", Stage.CONSENT, clock.instant())));
                                });
                            });
                })
                .orElseGet(OidcSignInFlow::expired));
    }

    @Override
    public Future<Step> answerKnowledge(String handle, String csrf, String dateOfBirth) {
        return load(handle, csrf).compose(found -> found.<Future<Step>>map(signIn -> {
                    SignInState state = signIn.state();
                    if (state.stage() != Stage.KNOWLEDGE || state.uin().isEmpty()) {
                        return Future.succeededFuture(signIn.show(Optional.empty()));
                    }
                    if (state.wrongAnswers() >= settings.maxWrongAnswers()) {
                        return Future.succeededFuture(signIn.show(Optional.of(Problem.TOO_MANY_ATTEMPTS)));
                    }
                    return factors.views().byUin(state.uin().get()).compose(view -> {
                        if (view.isEmpty()) {
                            return expired();
                        }
                        Optional<AuthError> refusal =
                                factors.knowledge().check(view.get(), dateOfBirth, clock.instant());
                        if (refusal.isPresent()) {
                            Problem problem = refusal.get() == AuthError.AUTH_TYPE_LOCKED
                                    ? Problem.OTP_LOCKED
                                    : Problem.KNOWLEDGE_WRONG;
                            return records.knowledgeChecked(state, refusal.get())
                                    .compose(v -> signIn.save(state.wrong(), problem));
                        }
                        return records.knowledgeChecked(state, null)
                                .compose(written -> written
                                        ? authenticated(
                                                signIn.with(state.proven("kba", Stage.CONSENT, clock.instant())))
                                        : unavailable());
                    });
                })
                .orElseGet(OidcSignInFlow::expired));
    }

    /** Proven: straight back to the client when a remembered consent covers the claims, else the consent page. */
    private Future<Step> authenticated(SignIn signIn) {
        SignInState state = signIn.state();
        if (state.request().forceConsent()) {
            return signIn.save(state, null);
        }
        return consents.covers(
                        state.uin().orElseThrow(),
                        state.request().clientId(),
                        state.request().claims())
                .compose(covered -> covered ? endings.allow(signIn.handle(), state) : signIn.save(state, null));
    }

    @Override
    public Future<Step> decide(String handle, String csrf, boolean allow) {
        return load(handle, csrf).compose(found -> found.<Future<Step>>map(signIn -> {
                    SignInState state = signIn.state();
                    if (state.stage() != Stage.CONSENT) {
                        return Future.succeededFuture(signIn.show(Optional.empty()));
                    }
                    if (!allow) {
                        return endings.deny(handle, state.request());
                    }
                    return consents.remember(
                                    state.uin().orElseThrow(),
                                    state.request().clientId(),
                                    state.request().claims())
                            .compose(v -> endings.allow(signIn.handle(), state));
                })
                .orElseGet(OidcSignInFlow::expired));
    }

    @Override
    public Future<Step> current(String handle) {
        if (handle == null) {
            return expired();
        }
        return signIns.find(handle).map(held -> held.<Step>map(h -> new SignIn(handle, h).show(Optional.empty()))
                .orElseGet(() -> new Step.Ended(OAuthError.SIGN_IN_EXPIRED)));
    }

    /** The sign-in this handle names, if the CSRF token is its own (compared in constant time). */
    private Future<Optional<SignIn>> load(String handle, String csrf) {
        if (handle == null || csrf == null) {
            return Future.succeededFuture(Optional.empty());
        }
        return signIns.find(handle).map(held -> held.map(h -> new SignIn(handle, h))
                .filter(signIn -> MessageDigest.isEqual(
                        signIn.state().csrf().getBytes(StandardCharsets.UTF_8),
                        csrf.getBytes(StandardCharsets.UTF_8))));
    }

    private static Future<Step> expired() {
        return Future.succeededFuture(new Step.Ended(OAuthError.SIGN_IN_EXPIRED));
    }

    /** A step proven but not recorded in the resident's history: not taken. */
    private static Future<Step> unavailable() {
        return Future.succeededFuture(new Step.Ended(OAuthError.TEMPORARILY_UNAVAILABLE));
    }

    /** The OTP requester: codes for one client's sign-ins are apart from its own /v1/otp codes and from the portal's. */
    private static String requester(SignInState state) {
        return "oidc:" + state.request().clientId().value();
    }

    private Step show(String handle, SignInState state, long expiresAt, Optional<Problem> problem) {
        return new Step.Show(
                new SignInView(
                        handle,
                        state.csrf(),
                        state.stage(),
                        state.clientName(),
                        List.copyOf(new TreeSet<>(state.request().claims())),
                        state.maskedContacts(),
                        state.request().uiLocales(),
                        Instant.ofEpochMilli(expiresAt)),
                problem.map(p -> OAuthError.INVALID_REQUEST),
                problem);
    }

    /** A loaded sign-in: its handle, state and expiry. */
    private final class SignIn {
        private final String handle;
        private final SignInState state;
        private final long expiresAt;

        SignIn(String handle, ClusterEntries.Held held) {
            this(handle, SignInState.fromJson(held.value()), held.expiresAtMillis());
        }

        private SignIn(String handle, SignInState state, long expiresAt) {
            this.handle = handle;
            this.state = state;
            this.expiresAt = expiresAt;
        }

        String handle() {
            return handle;
        }

        SignInState state() {
            return state;
        }

        SignIn with(SignInState next) {
            return new SignIn(handle, next, expiresAt);
        }

        Step show(Optional<Problem> problem) {
            return OidcSignInFlow.this.show(handle, state, expiresAt, problem);
        }

        /** Keeps {@code next} (same expiry) and shows its page, with {@code problem} if not null. */
        Future<Step> save(SignInState next, Problem problem) {
            JsonObject json = next.toJson().put("expiresAt", expiresAt);
            return signIns.update(handle, json, expiresAt)
                    .map(v -> OidcSignInFlow.this.show(handle, next, expiresAt, Optional.ofNullable(problem)));
        }
    }
}
