package org.civis.perf.gatling;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.headerRegex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * "Sign in with Civis" over HTTP without a browser: one full sign-in per virtual user, each step a
 * named request. The relying party pushes its request ({@code oidc: PAR}, with a client assertion
 * signed during the run), the resident's browser opens {@code oidc: authorize} (the login page:
 * its CSRF token and the {@code __Host-civis-signin} cookie are kept by hand, since Gatling will not
 * send a Secure cookie over http), types the UIN ({@code oidc: identify}), the code the server sent
 * through its {@code webhook} OTP channel to {@link SmsGatewayStandIn} ({@code oidc: code}) and
 * allows ({@code oidc: consent}); the relying party reads the code from the 303's Location (the
 * redirect URI is never called), exchanges it with the PKCE verifier and a second assertion
 * ({@code oidc: token}) and calls {@code oidc: userinfo}. The group {@code flow: full sign-in}
 * counts whole sign-ins, so its rate is flows per second.
 *
 * <p>Every request asks {@code prompt=consent}: residents repeat during a run, and a consent the
 * resident already gave would otherwise skip the consent page, so a run would measure a mix. The
 * consent page is measured on every sign-in. The client is a partner registered in {@link #before()}
 * through the admin API (an operator token with the role {@code partner-admin}, {@code
 * civis.operatorToken}), with an Ed25519 signing key made here (the generator signs assertions with
 * EdDSA, the cheapest of the accepted algorithms); PKCE pairs, states and nonces are made before
 * injection.
 *
 * <p>ID tokens are signed as the client registers ({@code civis.idTokenAlg}: RS256 by default, the
 * OpenID default; ES256 or PS256).
 *
 * <p>Token-endpoint rate, measured two ways. (1) {@code oidc: token} inside the flow: its rate is
 * the flow rate, since a code only comes from a sign-in; its latencies are those of the endpoint
 * under the full mix. (2) A token burst after the measured phase: for {@code civis.collectSeconds}
 * (45 by default) the same 64 users sign in up to the code and pool it with its verifier and an
 * assertion signed then ({@code collect ...} requests); then 64 users exchange the pool, oldest
 * first, as fast as the server answers ({@code burst: oidc: token}). No code waits longer than the
 * collection or the drain (about 20 s at 64 users), inside its 60 s; one past it would fail visibly. The burst's rate is its count over its own wall time (first request sent
 * to last answer), which the summary reads from the generator report: Gatling's per-request rate
 * divides by the whole run. The burst measures what the issue asks (token requests per second at
 * 64 users), which the flow cannot reach, while the codes stay real: minted by sign-ins, single use,
 * within their lifetime.
 */
public class OidcSignInSimulation extends CivisSimulation {
    static final String GROUP = "flow: full sign-in";
    static final String COLLECT = "collect ";
    static final String BURST = "burst: ";
    private static final String SCOPE = "openid profile";
    private static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private final SmsGatewayStandIn gateway = new SmsGatewayStandIn(settings.smsPort());
    private final String clientId = "oidc-load-" + settings.runId();
    private final String redirectUri = "http://127.0.0.1:" + settings.smsPort() + "/cb";
    private final URI issuer = URI.create(settings.publicUrl());
    private final OctetKeyPair key;
    private final ECKey encryptionKey;
    private final JWSHeader assertionHeader;
    private final Ed25519Signer signer;
    private final AtomicLong jtis = new AtomicLong();
    private final Duration collect = Duration.ofSeconds(Long.getLong("civis.collectSeconds", 45));
    // RS256 is the OpenID default and what most clients get; ES256 shows what signing the ID token costs.
    private final String idTokenAlg = System.getProperty("civis.idTokenAlg", "RS256");
    private final ConcurrentLinkedQueue<Map<String, Object>> codes = new ConcurrentLinkedQueue<>();
    private final AtomicLong burstStarted = new AtomicLong();
    private final AtomicLong burstEnded = new AtomicLong();
    private final AtomicLong burstSent = new AtomicLong();
    private final Presigned signIns;

    public OidcSignInSimulation() {
        if (settings.operatorToken().isBlank()) {
            throw new IllegalArgumentException(
                    "set civis.operatorToken to an admin API token with the role partner-admin (civis operator-token)");
        }
        try {
            key = new OctetKeyPairGenerator(Curve.Ed25519)
                    .keyUse(KeyUse.SIGNATURE)
                    .keyIDFromThumbprint(true)
                    .generate();
            signer = new Ed25519Signer(key);
            // The policy's e-KYC attributes need one; userinfo is answered as JSON, so it is never used.
            encryptionKey = new ECKeyGenerator(Curve.P_256)
                    .keyUse(KeyUse.ENCRYPTION)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        assertionHeader = new JWSHeader.Builder(JWSAlgorithm.EdDSA)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build();
        // A sign-in per record: far fewer than the partner API's estimate of 4,000 a second.
        int stock = Integer.getInteger("civis.presign", 60_000);
        signIns = new Presigned(stock, n -> {
            SeededPopulation.Seeded seeded = population.get(n, settings.residents());
            Map<String, Object> record =
                    Presigned.record("", seeded.uin(), seeded.resident().phone());
            String verifier = randomToken();
            record.put("verifier", verifier);
            record.put("challenge", challenge(verifier));
            record.put("state", randomToken());
            record.put("nonce", randomToken());
            return record;
        });
        start(signIns);
    }

    @Override
    protected HttpProtocolBuilder protocol() {
        // The relying party reads the code from the redirect; the resident's browser follows nothing.
        return http.baseUrl(baseUrl()).shareConnections().disableFollowRedirect();
    }

    @Override
    protected ChainBuilder flow(String prefix) {
        return feed(signIns).group(prefix + GROUP).on(signIn(prefix).exec(exchange(prefix)));
    }

    /** PAR to the consent's redirect: the code is in the session as {@code code}. */
    private ChainBuilder signIn(String prefix) {
        return exec(session -> session.set("parAssertion", assertion()))
                .exec(http(prefix + "oidc: PAR")
                        .post("/oidc/par")
                        .formParam("response_type", "code")
                        .formParam("client_id", clientId)
                        .formParam("redirect_uri", redirectUri)
                        .formParam("scope", SCOPE)
                        .formParam("state", "#{state}")
                        .formParam("nonce", "#{nonce}")
                        .formParam("code_challenge", "#{challenge}")
                        .formParam("code_challenge_method", "S256")
                        .formParam("prompt", "consent")
                        .formParam("client_assertion_type", ASSERTION_TYPE)
                        .formParam("client_assertion", "#{parAssertion}")
                        .check(status().is(201), jsonPath("$.request_uri").saveAs("requestUri")))
                .exitHereIfFailed()
                .exec(http(prefix + "oidc: authorize")
                        .get("/oidc/authorize")
                        .queryParam("client_id", clientId)
                        .queryParam("request_uri", "#{requestUri}")
                        .check(
                                status().is(200),
                                headerRegex("Set-Cookie", "__Host-civis-signin=([^;]+)")
                                        .saveAs("handle"),
                                csrf()))
                .exitHereIfFailed()
                .exec(page(prefix + "oidc: identify", "/oidc/signin/identify", "individualId", "#{uin}")
                        .check(
                                status().is(200),
                                regex("action=\"/oidc/signin/code\"").exists(),
                                csrf()))
                .exitHereIfFailed()
                .exec(session -> {
                    String code = gateway.take(session.getString("phone"));
                    // No code came: an impossible one makes the code step fail visibly.
                    return session.set("otp", code == null ? "000000" : code);
                })
                .exec(page(prefix + "oidc: code", "/oidc/signin/code", "code", "#{otp}")
                        .check(
                                status().is(200),
                                regex("action=\"/oidc/signin/consent\"").exists(),
                                csrf()))
                .exitHereIfFailed()
                .exec(page(prefix + "oidc: consent", "/oidc/signin/consent", "decision", "allow")
                        .check(
                                status().is(303),
                                header("Location")
                                        .transform(location ->
                                                location.startsWith(redirectUri + "?") ? query(location, "code") : null)
                                        .notNull()
                                        .saveAs("code")))
                .exitHereIfFailed();
    }

    /** The code for tokens, then the tokens for userinfo. */
    private ChainBuilder exchange(String prefix) {
        return exec(session -> session.set("tokenAssertion", assertion()))
                .exec(token(prefix + "oidc: token")
                        .check(jsonPath("$.access_token").saveAs("accessToken")))
                .exitHereIfFailed()
                .exec(http(prefix + "oidc: userinfo")
                        .get("/oidc/userinfo")
                        .header("Authorization", "Bearer #{accessToken}")
                        .check(status().is(200), jsonPath("$.sub").exists()));
    }

    private io.gatling.javaapi.http.HttpRequestActionBuilder token(String name) {
        return http(name)
                .post("/oidc/token")
                .formParam("grant_type", "authorization_code")
                .formParam("code", "#{code}")
                .formParam("redirect_uri", redirectUri)
                .formParam("code_verifier", "#{verifier}")
                .formParam("client_assertion_type", ASSERTION_TYPE)
                .formParam("client_assertion", "#{tokenAssertion}")
                .check(status().is(200));
    }

    private io.gatling.javaapi.http.HttpRequestActionBuilder page(
            String name, String path, String field, String value) {
        return http(name)
                .post(path)
                .header("Cookie", "__Host-civis-signin=#{handle}")
                .formParam("csrf", "#{csrf}")
                .formParam(field, value);
    }

    private static io.gatling.javaapi.core.CheckBuilder.Final csrf() {
        return regex("name=\"csrf\" value=\"([^\"]+)\"").saveAs("csrf");
    }

    /**
     * The token burst's two phases: sign-ins that pool their codes (with the verifier and an
     * assertion signed as the code arrives), then 64 users exchanging the pool until it is empty.
     */
    @Override
    protected List<PopulationBuilder> afterMeasured() {
        if (collect.isZero()) {
            return List.of();
        }
        ChainBuilder pool = feed(signIns).exec(signIn(COLLECT)).exec(session -> {
            codes.add(Map.of(
                    "code", session.getString("code"),
                    "verifier", session.getString("verifier"),
                    "tokenAssertion", assertion()));
            return session;
        });
        ChainBuilder drain = asLongAs(session -> !codes.isEmpty())
                .on(exec(session -> {
                            Map<String, Object> next = codes.poll();
                            if (next == null) {
                                return session.set("code", "");
                            }
                            burstStarted.compareAndSet(0, System.nanoTime());
                            burstSent.incrementAndGet();
                            return session.setAll(next);
                        })
                        .doIf(session -> !session.getString("code").isEmpty())
                        .then(exec(token(BURST + "oidc: token")).exec(session -> {
                            burstEnded.accumulateAndGet(System.nanoTime(), Math::max);
                            return session;
                        })));
        return List.of(
                metered("collect", pool)
                        .injectClosed(constantConcurrentUsers(settings.users()).during(collect)),
                metered("token burst", drain).injectOpen(atOnceUsers(settings.users())));
    }

    @Override
    protected Properties extraReport() {
        Properties extra = new Properties();
        double seconds = (burstEnded.get() - burstStarted.get()) / 1e9;
        if (burstSent.get() > 0 && seconds > 0) {
            extra.setProperty("tokenBurstRequests", Long.toString(burstSent.get()));
            extra.setProperty("tokenBurstSeconds", String.format(Locale.ROOT, "%.3f", seconds));
        }
        extra.setProperty("oidcClient", clientId);
        return extra;
    }

    /** Registers the client: the seeded partner stays as it is, so other scenarios are unchanged. */
    @Override
    public void before() {
        JsonObject registration = new JsonObject()
                .put("partnerId", clientId)
                .put("name", "Load test relying party")
                .put(
                        "signingKeys",
                        new JsonArray().add(new JsonObject(key.toPublicJWK().toJSONString())))
                .put("encryptionKey", new JsonObject(encryptionKey.toPublicJWK().toJSONString()))
                .put(
                        "policy",
                        new JsonObject()
                                .put("authTypes", new JsonArray().add("OTP"))
                                .put(
                                        "kycAttributes",
                                        new JsonArray()
                                                .add("fullName")
                                                .add("dateOfBirth")
                                                .add("gender"))
                                .put("requestsPerSecond", 1_000_000)
                                .put(
                                        "oidc",
                                        new JsonObject()
                                                .put("redirectUris", new JsonArray().add(redirectUri))
                                                .put("requirePushedAuthorizationRequests", true)
                                                .put("idTokenSignedResponseAlg", idTokenAlg)));
        try {
            HttpResponse<String> reply = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(settings.adminUrl() + "/v1/partners"))
                                    .header("Content-Type", "application/json")
                                    .header("Authorization", "Bearer " + settings.operatorToken())
                                    .POST(HttpRequest.BodyPublishers.ofString(registration.encode()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() != 201) {
                throw new IllegalStateException(
                        "registering the OpenID client failed: " + reply.statusCode() + " " + reply.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("the admin API did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        super.before();
    }

    @Override
    public void after() {
        super.after();
        gateway.close();
    }

    /** A private_key_jwt assertion for this client, meant for the issuer (PAR and token alike). */
    private String assertion() {
        long now = System.currentTimeMillis() / 1000;
        JsonObject claims = new JsonObject()
                .put("iss", clientId)
                .put("sub", clientId)
                .put("aud", issuer.toString())
                .put("iat", now)
                .put("exp", now + 240)
                .put("jti", settings.runId() + "-" + jtis.incrementAndGet());
        try {
            JWSObject jws = new JWSObject(assertionHeader, new Payload(claims.encode()));
            jws.sign(signer);
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    private static String query(String location, String name) {
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
