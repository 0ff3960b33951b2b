package org.civis.perf.crypto;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.civis.auth.admission.RequestVerification;
import org.civis.auth.admission.SignedRequestVerifier;
import org.civis.auth.answer.ResponseSigner;
import org.civis.auth.keys.AuthKeys;
import org.civis.auth.keys.AuthKeystoreFile;
import org.civis.auth.request.FactorDecryption;
import org.civis.auth.request.FactorDecryptor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-threaded operations per second, which is operations per second per core, for the crypto
 * of a signed authentication: {@code requestVerify*} and {@code responseSign} are the server's own
 * classes on a typical request and answer (JSON parsing and Base64 included), the rest are the
 * primitives under them. A demographic authentication costs one request verification and one
 * answer signature, so on {@code n} cores the crypto alone allows about
 * {@code n / (1/requestVerifyEdDsa + 1/responseSign)} requests per second.
 *
 * <pre>java -cp "perf/target/classes:perf/target/lib/*" org.openjdk.jmh.Main CryptoFloorBenchmark</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@State(Scope.Thread)
public class CryptoFloorBenchmark {

    /** The size of a typical demographic request's signing input (header and payload, Base64url). */
    private static final byte[] MESSAGE = new byte[320];

    private Path keystoreDir;
    private byte[] ed25519Signature;
    private Ed25519PrivateKeyParameters ed25519Private;
    private Ed25519PublicKeyParameters ed25519Public;
    private KeyPair p256;
    private byte[] p256Signature;
    private BouncyCastleProvider bouncyCastle;

    private SignedRequestVerifier requestVerifier;
    private String edDsaRequest;
    private List<JWK> edDsaPartnerKeys;
    private String es256Request;
    private List<JWK> es256PartnerKeys;
    private ResponseSigner responseSigner;
    private String answer;
    private FactorDecryptor factorDecryptor;
    private String encryptedFactors;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        ed25519Private = new Ed25519PrivateKeyParameters(new java.security.SecureRandom());
        ed25519Public = ed25519Private.generatePublicKey();
        ed25519Signature = new byte[Ed25519.SIGNATURE_SIZE];
        ed25519Private.sign(
                Ed25519.Algorithm.Ed25519, ed25519Public, null, MESSAGE, 0, MESSAGE.length, ed25519Signature, 0);

        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        p256 = generator.generateKeyPair();
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(p256.getPrivate());
        signer.update(MESSAGE);
        p256Signature = signer.sign();
        bouncyCastle = new BouncyCastleProvider();

        // The server's keys come from its own keystore code, in a throwaway directory.
        keystoreDir = Files.createTempDirectory("civis-crypto-floor");
        AuthKeys serverKeys =
                AuthKeystoreFile.openOrCreate(keystoreDir.resolve("auth-keys.p12"), "benchmark-only".toCharArray());
        requestVerifier = new SignedRequestVerifier();
        responseSigner = new ResponseSigner(serverKeys);
        factorDecryptor = new FactorDecryptor(serverKeys);

        OctetKeyPair bankEd25519 =
                new OctetKeyPairGenerator(Curve.Ed25519).keyID("bank-ed").generate();
        ECKey bankP256 = new ECKeyGenerator(Curve.P_256).keyID("bank-ec").generate();
        edDsaPartnerKeys = List.of(bankEd25519.toPublicJWK());
        es256PartnerKeys = List.of(bankP256.toPublicJWK());
        edDsaRequest = signed(
                new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID("bank-ed").build(), bankEd25519);
        es256Request = signed(
                new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("bank-ec").build(), bankP256);
        answer = new JsonObject()
                .put("transactionId", "bank-1790000000000000000")
                .put("partnerId", "acme-bank")
                .put("responseTime", Instant.now().toString())
                .put("errors", List.of())
                .put("authenticated", true)
                .put("token", "8fohdGF-sgiaq4_mzY8EW1zefTTOs3T6xIg0Wks2LK0")
                .encode();
        JWEObject factors = new JWEObject(
                new JWEHeader(JWEAlgorithm.ECDH_ES, EncryptionMethod.A256GCM),
                new Payload(new JsonObject().put("otp", "493021").encode()));
        factors.encrypt(new ECDHEncrypter(serverKeys.encryptionKey().toPublicJWK()));
        encryptedFactors = factors.serialize();
    }

    @TearDown(Level.Trial)
    public void removeKeystore() throws IOException {
        try (var files = Files.walk(keystoreDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static String signed(JWSHeader header, JWK key) throws JOSEException {
        JsonObject request = new JsonObject()
                .put("transactionId", "bank-1790000000000000000")
                .put("requestTime", Instant.now().toString())
                .put("individualId", "5995707374")
                .put(
                        "factors",
                        new JsonObject()
                                .put(
                                        "demographics",
                                        new JsonObject()
                                                .put("fullName", new JsonObject().put("eng", "Amara Okafor"))
                                                .put("dateOfBirth", "1990-01-15")));
        JWSObject jws = new JWSObject(header, new Payload(request.encode().getBytes(StandardCharsets.UTF_8)));
        jws.sign(key instanceof OctetKeyPair okp ? new Ed25519Signer(okp) : new ECDSASigner((ECKey) key));
        return jws.serialize();
    }

    @Benchmark
    public byte[] ed25519Sign() {
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        ed25519Private.sign(Ed25519.Algorithm.Ed25519, ed25519Public, null, MESSAGE, 0, MESSAGE.length, signature, 0);
        return signature;
    }

    @Benchmark
    public boolean ed25519Verify() {
        return ed25519Public.verify(Ed25519.Algorithm.Ed25519, null, MESSAGE, 0, MESSAGE.length, ed25519Signature, 0);
    }

    @Benchmark
    public byte[] es256SignJdk() throws Exception {
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(p256.getPrivate());
        signer.update(MESSAGE);
        return signer.sign();
    }

    @Benchmark
    public boolean es256VerifyJdk() throws Exception {
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(p256.getPublic());
        verifier.update(MESSAGE);
        return verifier.verify(p256Signature);
    }

    /** What the server uses for partners' P-256 keys. */
    @Benchmark
    public boolean es256VerifyBouncyCastle() throws Exception {
        Signature verifier = Signature.getInstance("SHA256withECDSA", bouncyCastle);
        verifier.initVerify(p256.getPublic());
        verifier.update(MESSAGE);
        return verifier.verify(p256Signature);
    }

    @Benchmark
    public RequestVerification requestVerifyEdDsa() {
        return requestVerifier.verify(edDsaRequest, edDsaPartnerKeys);
    }

    @Benchmark
    public RequestVerification requestVerifyEs256() {
        return requestVerifier.verify(es256Request, es256PartnerKeys);
    }

    @Benchmark
    public String responseSign() {
        return responseSigner.sign(answer);
    }

    @Benchmark
    public FactorDecryption factorDecrypt() {
        return factorDecryptor.decrypt(encryptedFactors);
    }
}
