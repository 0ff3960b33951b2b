package org.civis.issuer.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.commons.codec.binary.Hex;
import org.civis.issuer.keys.IssuerKeyRing;
import org.civis.issuer.keys.IssuerKeystore;
import org.civis.issuer.keys.SigningAlgorithm;
import org.civis.issuer.status.SignedStatusListToken;
import org.civis.issuer.status.StatusList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundle is a JWKS that also carries certificates and the signed status lists, public parts only. */
class VerifierBundleTest {
    @TempDir
    Path dir;

    @Test
    void theBundleReadsAsAJwksAndCarriesEveryKeyCertificateAndList() throws Exception {
        IssuerKeystore keystore = IssuerKeystore.openOrCreate(
                dir.resolve(IssuerKeystore.FILE_NAME), "pw".toCharArray(), SigningAlgorithm.EDDSA, "Test ID");
        IssuerKeyRing ring = keystore.rotate(SigningAlgorithm.ES256);
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        SignedStatusListToken token = SignedStatusListToken.sign(
                "https://id.example.org",
                "https://id.example.org/statuslists/1",
                new StatusList(1024, 2),
                now,
                Duration.ofHours(1),
                Duration.ofDays(7),
                ring.current());

        JsonObject bundle = VerifierBundle.of(ring, List.of(token), now);

        JWKSet asJwks = JWKSet.parse(bundle.encode());
        assertThat(asJwks.getKeys())
                .extracting(k -> k.getKeyID())
                .containsExactly(ring.keys().get(0).kid(), ring.current().kid());
        assertThat(bundle.encode()).doesNotContain("\"d\"").doesNotContain("PRIVATE");
        assertThat(bundle.getJsonArray("certificates").getList()).containsExactlyElementsOf(ring.certificatePems());
        JsonObject list = bundle.getJsonArray("statusLists").getJsonObject(0);
        assertThat(list.getString("uri")).isEqualTo("https://id.example.org/statuslists/1");
        assertThat(Hex.decodeHex(list.getString("token"))).isEqualTo(token.token());
        assertThat(bundle.getString("issuedAt")).isEqualTo("2026-11-25T10:00:00Z");
    }
}
