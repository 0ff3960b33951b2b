package org.civis.server.seed;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.civis.auth.partner.PartnerId;
import org.civis.auth.partner.PartnerPolicy;
import org.civis.auth.partner.PartnerService;
import org.civis.core.keys.OwnerOnlyFiles;

/**
 * The load generators' bank, {@code perf-bank}: an Ed25519 signing key and a P-256 e-KYC
 * encryption key made once, kept with the API key in {@code seed/partner.json} (mode 0600;
 * synthetic test credentials, never in a repository), and a policy that allows every auth type,
 * e-KYC of the demographic fields and a rate no load test reaches.
 */
final class SeedPartner {
    static final PartnerId ID = new PartnerId("perf-bank");
    private static final List<String> KYC_ATTRIBUTES = List.of("fullName", "dateOfBirth", "gender", "phone", "email");

    private final PartnerService partners;
    private final SeedFiles files;

    SeedPartner(PartnerService partners, SeedFiles files) {
        this.partners = partners;
        this.files = files;
    }

    /** Registers the partner unless the database has it; writes partner.json when it registers. */
    Future<String> ensure() {
        return partners.find(ID).compose(found -> {
            boolean recorded = Files.exists(files.partner());
            if (found.isPresent() && recorded) {
                return Future.succeededFuture("partner perf-bank already registered");
            }
            if (found.isPresent()) {
                return Future.failedFuture(new IllegalStateException(
                        "perf-bank is registered but seed/partner.json is missing: seed a fresh data directory"));
            }
            // A new database with an old file (or none): keep the file's keys if there are any.
            JsonObject keys = recorded ? read() : newKeys();
            return register(keys).map(apiKey -> {
                write(keys.copy().put("partnerId", ID.value()).put("apiKey", apiKey));
                return "partner perf-bank registered";
            });
        });
    }

    private Future<String> register(JsonObject keys) {
        try {
            JWK signing = JWK.parse(keys.getJsonObject("signingKey").encode());
            JWK encryption = JWK.parse(keys.getJsonObject("encryptionKey").encode());
            PartnerPolicy policy = PartnerPolicy.fromJson(new JsonObject()
                    .put("authTypes", new JsonArray(List.of("DEMO", "OTP", "BIO")))
                    .put("kycAttributes", new JsonArray(KYC_ATTRIBUTES))
                    .put("requestsPerSecond", PartnerPolicy.MAX_REQUESTS_PER_SECOND));
            return partners.register(
                            ID,
                            "Load test bank",
                            List.of(signing.toPublicJWK()),
                            Optional.of(encryption.toPublicJWK()),
                            policy,
                            "civis-seed")
                    // The seed's own partner, checked by this code: a refusal is a broken seed.
                    .map(registered -> registered.orElseThrow().apiKey());
        } catch (ParseException e) {
            return Future.failedFuture(new IllegalStateException("seed/partner.json holds unreadable keys", e));
        }
    }

    private static JsonObject newKeys() {
        try {
            SecureRandom random = new SecureRandom();
            Ed25519PrivateKeyParameters ed = new Ed25519PrivateKeyParameters(random);
            OctetKeyPair signing = new OctetKeyPair.Builder(
                            Curve.Ed25519,
                            Base64URL.encode(ed.generatePublicKey().getEncoded()))
                    .d(Base64URL.encode(ed.getEncoded()))
                    .keyUse(KeyUse.SIGNATURE)
                    .keyIDFromThumbprint()
                    .build();
            KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
            ec.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPair pair = ec.generateKeyPair();
            ECKey encryption = new ECKey.Builder(Curve.P_256, (ECPublicKey) pair.getPublic())
                    .privateKey((ECPrivateKey) pair.getPrivate())
                    .keyUse(KeyUse.ENCRYPTION)
                    .keyIDFromThumbprint()
                    .build();
            return new JsonObject()
                    .put("signingKey", new JsonObject(signing.toJSONString()))
                    .put("encryptionKey", new JsonObject(encryption.toJSONString()));
        } catch (GeneralSecurityException | com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException("cannot make the seed partner's keys", e);
        }
    }

    private JsonObject read() {
        try {
            return new JsonObject(Files.readString(files.partner(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(JsonObject partner) {
        try {
            OwnerOnlyFiles.writeAtomically(
                    files.partner(), partner.encodePrettily().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
