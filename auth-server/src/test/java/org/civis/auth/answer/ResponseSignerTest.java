package org.civis.auth.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.civis.auth.keys.ServerJwks;
import org.civis.auth.keys.TestKeys;
import org.junit.jupiter.api.Test;

class ResponseSignerTest {

    private static final String PAYLOAD = "{\"authStatus\":true,\"transactionId\":\"txn-1\"}";

    private final ResponseSigner signer = new ResponseSigner(TestKeys.SERVER);
    private final ServerJwks jwks = new ServerJwks(TestKeys.SERVER);

    @Test
    void aSignedResponseVerifiesWithTheKeyPublishedInTheJwks() throws Exception {
        JWSObject jws = JWSObject.parse(signer.sign(PAYLOAD));

        assertThat(jws.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.EdDSA);
        assertThat(jws.getHeader().getType()).isEqualTo(JOSEObjectType.JOSE);
        assertThat(jws.getHeader().getKeyID())
                .isEqualTo(TestKeys.SERVER.signingKey().getKeyID());
        assertThat(jws.getPayload().toString()).isEqualTo(PAYLOAD);
        assertThat(jws.verify(new Ed25519Verifier(publishedKey(jws)))).isTrue();
    }

    @Test
    void changingOnePayloadByteBreaksTheSignature() throws Exception {
        String[] parts = signer.sign(PAYLOAD).split("\\.");
        byte[] payload = Base64URL.from(parts[1]).decode();
        payload[payload.length - 3] ^= 0x01;
        String altered = parts[0] + "." + Base64URL.encode(payload) + "." + parts[2];

        JWSObject jws = JWSObject.parse(altered);

        assertThat(new String(payload, StandardCharsets.UTF_8)).isNotEqualTo(PAYLOAD);
        assertThat(jws.verify(new Ed25519Verifier(publishedKey(jws)))).isFalse();
    }

    @Test
    void oneSignerServesManyThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> jobs = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String payload = "{\"n\":" + i + "}";
                jobs.add(() -> signer.sign(payload));
            }
            List<Future<String>> results = pool.invokeAll(jobs);
            for (int i = 0; i < results.size(); i++) {
                JWSObject jws = JWSObject.parse(results.get(i).get());
                assertThat(jws.getPayload().toString()).isEqualTo("{\"n\":" + i + "}");
                assertThat(jws.verify(new Ed25519Verifier(publishedKey(jws)))).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private OctetKeyPair publishedKey(JWSObject jws) throws Exception {
        return JWKSet.parse(jwks.json())
                .getKeyByKeyId(jws.getHeader().getKeyID())
                .toOctetKeyPair();
    }
}
