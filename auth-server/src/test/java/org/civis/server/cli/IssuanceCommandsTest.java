package org.civis.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.upokecenter.cbor.CBORObject;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.civis.core.registry.Residents;
import org.civis.issuer.samples.QrImages;
import org.civis.issuer.samples.SampleHolders;
import org.civis.issuer.samples.SyntheticPortrait;
import org.civis.server.HttpClientForTests.BinaryReply;
import org.civis.server.QrCredentials;
import org.civis.server.TestServers;
import org.civis.server.config.ConfigLoader;
import org.civis.server.partnerapi.AuthTestbed;
import org.civis.server.trust.TrustRoutes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code civis card} and {@code civis verifier-bundle} against the data directory and database of a
 * running server: their card and bundle agree with what the server publishes over HTTP.
 */
class IssuanceCommandsTest {
    private static Map<String, String> env;
    private static AuthTestbed bed;

    @TempDir
    Path out;

    @BeforeAll
    static void start() throws Exception {
        env = TestServers.environment(Files.createTempDirectory("civis-cli-test"));
        bed = new AuthTestbed(env, Map.of());
    }

    @AfterAll
    static void stop() {
        bed.close();
    }

    @Test
    void civisCardWritesAPngWhoseQrIsACredentialTheServersTrustListVerifies() throws Exception {
        String uin =
                bed.enroll(Residents.full(31).put("photo", SampleHolders.photo("jpeg", SyntheticPortrait.jpeg(31))));
        Path card = out.resolve("card.png");

        int exit =
                new CommandLine(new CardCommand(() -> ConfigLoader.load(env))).execute(uin, "--out", card.toString());

        assertThat(exit).isZero();
        String qr = QrImages.decode(Files.readAllBytes(card));
        CBORObject claims = QrCredentials.claims(qr, jwks());
        assertThat(claims.get(2).AsString()).isEqualTo(uin);
        assertThat(claims.get(169).get(16).GetByteString()).isNotEmpty();
        CBORObject status = claims.get(65535).get("status_list");
        BinaryReply token =
                bed.publicApi.getBytes(URI.create(status.get("uri").AsString()).getPath());
        assertThat(QrCredentials.status(token.body(), jwks(), status.get("idx").AsInt32Value()))
                .isZero();

        // The server prints the same credential again: the card the command made is the current one.
        BinaryReply reprint = bed.admin.getBytes("/v1/identities/" + uin + "/card.png");
        assertThat(QrCredentials.claims(QrImages.decode(reprint.body()), jwks()))
                .isEqualTo(claims);
    }

    @Test
    void aRevokedIdentityGetsNoCardFromTheCommandEither() {
        String uin = bed.enroll(Residents.full(32));
        assertThat(bed.admin
                        .post("/v1/identities/" + uin + "/revoke", new JsonObject())
                        .status())
                .isEqualTo(200);
        int exit = new CommandLine(new CardCommand(() -> ConfigLoader.load(env)))
                .execute(uin, "--out", out.resolve("none.png").toString());
        assertThat(exit).isEqualTo(1);
        assertThat(out.resolve("none.png")).doesNotExist();
    }

    @Test
    void civisVerifierBundleHasTheServersKeysCertificatesAndStatusLists() throws Exception {
        String uin = bed.enroll(Residents.full(33));
        assertThat(bed.admin
                        .post("/v1/identities/" + uin + "/credentials", new JsonObject())
                        .status())
                .isEqualTo(200);
        Path file = out.resolve("bundle.json");

        int exit = new CommandLine(new VerifierBundleCommand(() -> ConfigLoader.load(env)))
                .execute("--out", file.toString());

        assertThat(exit).isZero();
        JsonObject bundle = new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
        JsonObject served = bed.publicApi.get(TrustRoutes.BUNDLE).json();
        JWKSet keys = JWKSet.parse(bundle.encode());
        assertThat(keys.getKeys()).isEqualTo(jwks().getKeys());
        assertThat(bundle.getJsonArray("certificates")).isEqualTo(served.getJsonArray("certificates"));
        assertThat(uris(bundle.getJsonArray("statusLists")))
                .isEqualTo(uris(served.getJsonArray("statusLists")))
                .isNotEmpty();
        for (Object each : bundle.getJsonArray("statusLists")) {
            JsonObject list = (JsonObject) each;
            byte[] fromCli = QrCredentials.fromHex(list.getString("token"));
            byte[] fromHttp = bed.publicApi
                    .getBytes(URI.create(list.getString("uri")).getPath())
                    .body();
            assertThat(QrCredentials.subject(fromCli)).isEqualTo(list.getString("uri"));
            assertThat(QrCredentials.statusList(fromCli, keys)).isEqualTo(QrCredentials.statusList(fromHttp, jwks()));
        }
    }

    private static Set<String> uris(JsonArray lists) {
        Set<String> uris = new HashSet<>();
        lists.forEach(list -> uris.add(((JsonObject) list).getString("uri")));
        return uris;
    }

    private static JWKSet jwks() throws Exception {
        return JWKSet.parse(bed.publicApi.get(TrustRoutes.JWKS).body());
    }
}
