package org.civis.server.partnerapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civis.core.registry.SettableClock;
import org.civis.server.CivisServer;
import org.civis.server.HttpClientForTests;
import org.civis.server.HttpClientForTests.Reply;
import org.civis.server.TestServers;
import org.civis.server.config.ConfigLoader;

/**
 * A running server (real PostgreSQL, real Hazelcast member, real keys) on a clock the test moves,
 * with the calls a relying party makes: register, sign, send, verify the signed answer.
 */
public final class AuthTestbed implements AutoCloseable {
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    public final SettableClock clock = new SettableClock(Instant.parse("2026-11-25T09:00:00Z"));
    public final CivisServer server;
    public final HttpClientForTests admin;
    public final HttpClientForTests publicApi;
    public final Path dataDir;

    public AuthTestbed(Map<String, String> extra) {
        this(TestServers.environment(tempDir()), extra);
    }

    /** A node on the given settings (another member of a cluster shares database, keys and cluster name). */
    public AuthTestbed(Map<String, String> base, Map<String, String> extra) {
        Map<String, String> env = new java.util.HashMap<>(base);
        env.putAll(extra);
        dataDir = Path.of(env.get("CIVIS_DATA_DIR"));
        server = CivisServer.start(ConfigLoader.load(env), clock);
        admin = TestServers.adminClient(server);
        publicApi = new HttpClientForTests("http://127.0.0.1:" + server.config().publicPort());
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("civis-auth-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonObject policy(String... authTypes) {
        return new JsonObject()
                .put("authTypes", new JsonArray(List.of(authTypes)))
                .put("requestsPerSecond", 1000);
    }

    public TestPartner register(String id, JsonObject policy) {
        return register(TestPartner.create(id, false), policy);
    }

    public TestPartner register(TestPartner partner, JsonObject policy) {
        Reply reply = admin.post("/v1/partners", partner.registration(policy));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        partner.apiKey = reply.json().getString("apiKey");
        return partner;
    }

    public String enroll(JsonObject identity) {
        Reply reply = submitEnrollment(identity);
        assertThat(reply.json().getString("status")).as(reply.body()).isEqualTo("ISSUED");
        return reply.json().getString("uin");
    }

    /** Posts an enrollment of {@code identity} under a fresh registration id, whatever its outcome. */
    public Reply submitEnrollment(JsonObject identity) {
        return admin.post(
                "/v1/enrollments",
                new JsonObject()
                        .put("registrationId", "reg-" + UUID.randomUUID())
                        .put("identity", identity));
    }

    /** A request payload with a fresh transaction id at the server's current time. */
    public JsonObject request(String individualId, JsonObject factors) {
        return new JsonObject()
                .put("transactionId", "txn-" + UUID.randomUUID())
                .put("requestTime", clock.instant().toString())
                .put("individualId", individualId)
                .put("factors", factors);
    }

    /** The factors as a compact JWE to the server's published encryption key (ECDH-ES, A256GCM). */
    public String encryptFactors(JsonObject factors) {
        try {
            ECKey serverKey = JWKSet.parse(
                            publicApi.get("/.well-known/jwks.json").body())
                    .getKeys()
                    .stream()
                    .filter(k -> k.getKeyUse() == KeyUse.ENCRYPTION)
                    .findFirst()
                    .orElseThrow()
                    .toECKey();
            JWEObject jwe = new JWEObject(
                    new JWEHeader.Builder(JWEAlgorithm.ECDH_ES, EncryptionMethod.A256GCM)
                            .keyID(serverKey.getKeyID())
                            .build(),
                    new Payload(factors.encode()));
            jwe.encrypt(new ECDHEncrypter(serverKey));
            return jwe.serialize();
        } catch (Exception e) {
            throw new AssertionError("cannot encrypt factors to the server key", e);
        }
    }

    public Reply send(TestPartner partner, String path, String jws) {
        return publicApi.send(
                "POST", path, jws, "application/jose", Map.of("authorization", "Bearer " + partner.apiKey));
    }

    public Reply call(TestPartner partner, String path, JsonObject payload) {
        return send(partner, path, partner.sign(payload));
    }

    /** The payload of a signed answer, after checking its signature against the published JWKS. */
    public JsonObject answer(Reply reply) {
        try {
            JWKSet jwks = JWKSet.parse(publicApi.get("/.well-known/jwks.json").body());
            JWSObject jws = JWSObject.parse(reply.body());
            OctetKeyPair key = (OctetKeyPair) jwks.getKeyByKeyId(jws.getHeader().getKeyID());
            assertThat(jws.verify(new Ed25519Verifier(key)))
                    .as("answer signature")
                    .isTrue();
            return new JsonObject(jws.getPayload().toString());
        } catch (Exception e) {
            throw new AssertionError("not a signed answer: " + reply.status() + " " + reply.body(), e);
        }
    }

    /** The error codes of a signed answer, in order. */
    public List<String> errors(Reply reply) {
        return answer(reply).getJsonArray("errors").stream()
                .map(e -> ((JsonObject) e).getString("code"))
                .toList();
    }

    /** The last code the development outbox holds for this phone or email. */
    public String lastCodeSentTo(String contact) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("outbox").resolve("otp.jsonl"));
            for (int i = lines.size() - 1; i >= 0; i--) {
                JsonObject message = new JsonObject(lines.get(i));
                if (message.getString("to").equals(contact)) {
                    Matcher code = CODE.matcher(message.getString("text"));
                    assertThat(code.find()).isTrue();
                    return code.group(1);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no code was sent to this contact");
    }

    @Override
    public void close() {
        server.close();
    }
}
