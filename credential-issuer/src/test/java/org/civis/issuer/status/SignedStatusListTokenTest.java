package org.civis.issuer.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.upokecenter.cbor.CBORObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.codec.binary.Hex;
import org.civis.issuer.encoding.Zlib;
import org.civis.issuer.keys.IssuerKey;
import org.civis.issuer.keys.IssuerKeystore;
import org.civis.issuer.keys.SigningAlgorithm;
import org.civis.issuer.samples.CoseMessages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A signed Status List Token reads back as the draft describes it, and its signature verifies. */
class SignedStatusListTokenTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00.750Z");

    @TempDir
    Path dir;

    @Test
    void theTokenHasTheDraftsHeadersAndClaimsAndVerifies() throws Exception {
        IssuerKey key = IssuerKeystore.openOrCreate(
                        dir.resolve("issuer-keys.p12"), "pw".toCharArray(), SigningAlgorithm.ES256, "Test ID")
                .ring()
                .current();
        StatusList list = new StatusList(131_072, StatusList.CIVIS_BITS);
        list.set(0, 1);
        list.set(77_777, 2);
        SignedStatusListToken token = SignedStatusListToken.sign(
                "https://id.example.org",
                "https://id.example.org/statuslists/3",
                list,
                NOW,
                Duration.ofHours(1),
                Duration.ofDays(7),
                key);

        CBORObject sign1 = CoseMessages.sign1(token.token(), false);
        CBORObject header = CoseMessages.protectedHeader(sign1);
        assertThat(header.get(1).AsInt32Value()).isEqualTo(-7);
        assertThat(new String(header.get(4).GetByteString(), StandardCharsets.UTF_8))
                .isEqualTo(key.kid());
        assertThat(header.get(16).AsString()).isEqualTo("application/statuslist+cwt");
        assertThat(sign1.get(1).size()).isZero();
        assertThat(CoseMessages.verifies(sign1, key.publicKey(), SigningAlgorithm.ES256))
                .isTrue();

        CBORObject claims = CoseMessages.payload(sign1);
        assertThat(claims.get(2).AsString()).isEqualTo("https://id.example.org/statuslists/3");
        assertThat(claims.get(6).AsInt64Value()).isEqualTo(NOW.getEpochSecond());
        assertThat(claims.get(4).AsInt64Value()).isEqualTo(NOW.getEpochSecond() + 7 * 86_400);
        assertThat(claims.get(65534).AsInt64Value()).isEqualTo(3600);
        CBORObject statusList = claims.get(65533);
        assertThat(statusList.get("bits").AsInt32Value()).isEqualTo(2);
        StatusList back = StatusList.of(Zlib.decompress(statusList.get("lst").GetByteString(), 1 << 20), 2);
        assertThat(back.get(0)).isEqualTo(1);
        assertThat(back.get(77_777)).isEqualTo(2);
        assertThat(back.get(1)).isZero();
        assertThat(back).isEqualTo(list);
    }

    @Test
    void ourTokenHasEveryHeaderAndClaimOfTheDraftsExample() throws Exception {
        IssuerKey key = IssuerKeystore.openOrCreate(
                        dir.resolve("issuer-keys.p12"), "pw".toCharArray(), SigningAlgorithm.EDDSA, "Test ID")
                .ring()
                .current();
        byte[] draftBytes = Hex.decodeHex(StatusListVectorsTest.vectors().getString("statusListTokenCwt"));
        CBORObject draft = CoseMessages.sign1(draftBytes, false);
        CBORObject ours = CoseMessages.sign1(
                SignedStatusListToken.sign(
                                "https://id.example.org",
                                "https://id.example.org/statuslists/1",
                                new StatusList(16, 1),
                                NOW,
                                Duration.ofHours(12),
                                Duration.ofDays(7),
                                key)
                        .token(),
                false);
        assertThat(keys(CoseMessages.protectedHeader(ours))).containsAll(keys(CoseMessages.protectedHeader(draft)));
        assertThat(keys(CoseMessages.payload(ours))).containsAll(keys(CoseMessages.payload(draft)));
        assertThat(CoseMessages.protectedHeader(ours).get(16))
                .isEqualTo(CoseMessages.protectedHeader(draft).get(16));
    }

    private static Set<Integer> keys(CBORObject map) {
        return map.getKeys().stream().map(CBORObject::AsInt32Value).collect(Collectors.toSet());
    }
}
