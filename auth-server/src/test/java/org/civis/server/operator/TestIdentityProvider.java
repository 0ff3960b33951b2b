package org.civis.server.operator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stand-in for Keycloak or Entra: a real HTTP server publishing a JWKS the test can rotate, break
 * or take down, and real keys that sign tokens the way those IdPs do. Not a mock of anything Civis
 * owns: the authenticator fetches the keys over HTTP exactly as it would from an IdP.
 */
public final class TestIdentityProvider implements AutoCloseable {
    public static final String ISSUER = "http://127.0.0.1/realms/civis";
    public static final String AUDIENCE = "civis-admin";
    static final String JWKS_PATH = "/realms/civis/protocol/openid-connect/certs";

    final Vertx vertx;
    private final HttpServer server;
    private final AtomicReference<JWKSet> published = new AtomicReference<>(new JWKSet());
    private final AtomicReference<Integer> failWith = new AtomicReference<>(null);
    private final AtomicReference<String> body = new AtomicReference<>(null);
    private final AtomicInteger requests = new AtomicInteger();

    public TestIdentityProvider(Vertx vertx) throws Exception {
        this.vertx = vertx;
        this.server = vertx.createHttpServer()
                .requestHandler(request -> {
                    requests.incrementAndGet();
                    Integer status = failWith.get();
                    if (status != null) {
                        request.response().setStatusCode(status).end();
                    } else if (!request.path().equals(JWKS_PATH)) {
                        request.response().setStatusCode(404).end();
                    } else {
                        String answer = body.get() != null
                                ? body.get()
                                : published.get().toPublicJWKSet().toString();
                        request.response()
                                .putHeader("content-type", "application/json")
                                .end(answer);
                    }
                })
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    public URI jwksUrl() {
        return URI.create("http://127.0.0.1:" + server.actualPort() + JWKS_PATH);
    }

    /** The keys the JWKS publishes from now on (public parts only, as an IdP would). */
    public void publish(JWK... keys) {
        published.set(new JWKSet(List.of(keys)));
        body.set(null);
        failWith.set(null);
    }

    /** Every JWKS request from now on gets this status and no body. */
    void failWith(int status) {
        failWith.set(status);
    }

    /** Every JWKS request from now on gets this body. */
    void serveBody(String document) {
        body.set(document);
    }

    int jwksRequests() {
        return requests.get();
    }

    public static RSAKey rsaKey() throws JOSEException {
        return new RSAKeyGenerator(2048)
                .keyUse(KeyUse.SIGNATURE)
                .keyID(UUID.randomUUID().toString())
                .generate();
    }

    static ECKey ecKey() throws JOSEException {
        return new ECKeyGenerator(Curve.P_256)
                .keyUse(KeyUse.SIGNATURE)
                .keyID(UUID.randomUUID().toString())
                .generate();
    }

    /** Claims as Keycloak writes them into an access token, valid for five minutes from now. */
    public static JWTClaimsSet.Builder keycloakClaims(String subject, String... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(subject)
                .audience(List.of(AUDIENCE, "account"))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString())
                .claim("typ", "Bearer")
                .claim("azp", "civis-console")
                .claim("realm_access", Map.of("roles", List.of(roles)));
    }

    /** Signs {@code claims} with {@code key} under {@code algorithm}, naming the key's kid. */
    public static String sign(JWK key, JWSAlgorithm algorithm, JWTClaimsSet claims) throws JOSEException {
        return sign(
                key,
                new JWSHeader.Builder(algorithm)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
    }

    static String sign(JWK key, JWSHeader header, JWTClaimsSet claims) throws JOSEException {
        JWSSigner signer = key instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) key);
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
