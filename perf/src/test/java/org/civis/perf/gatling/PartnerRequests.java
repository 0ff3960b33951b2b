package org.civis.perf.gatling;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.jwk.OctetKeyPair;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.text.ParseException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.civis.core.population.SyntheticResident;

/**
 * Requests as the seeded bank sends them: JSON payloads with a unique transaction id and the
 * current time, signed as a compact JWS (EdDSA, the key's kid), as in the README's walkthrough.
 * Thread-safe.
 */
public final class PartnerRequests {
    private final JWSHeader header;
    private final Ed25519Signer signer;
    private final String authorization;
    private final String transactionPrefix;
    private final AtomicLong transactions = new AtomicLong();

    public PartnerRequests(JsonObject partner, String runId) {
        try {
            OctetKeyPair key =
                    OctetKeyPair.parse(partner.getJsonObject("signingKey").encode());
            this.header = new JWSHeader.Builder(JWSAlgorithm.EdDSA)
                    .keyID(key.getKeyID())
                    .build();
            this.signer = new Ed25519Signer(key);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("seed/partner.json holds no usable Ed25519 key", e);
        }
        this.authorization = "Bearer " + partner.getString("apiKey");
        this.transactionPrefix = "g" + runId + "-";
    }

    /** The value of the Authorization header. */
    public String authorization() {
        return authorization;
    }

    /** Transaction ids of this run start with this; the records of the run are counted by it. */
    public String transactionPrefix() {
        return transactionPrefix;
    }

    public String demographic(SyntheticResident resident, String uin) {
        return sign(envelope(uin).put("factors", demographics(resident)));
    }

    public String fingerprint(SyntheticResident resident, String uin, long attempt) {
        JsonObject biometrics = new JsonObject().put("fingerprints", resident.fingerprintProbe(attempt));
        return sign(envelope(uin).put("factors", new JsonObject().put("biometrics", biometrics)));
    }

    public String kyc(SyntheticResident resident, String uin) {
        return sign(envelope(uin)
                .put("consent", true)
                .put("kycAttributes", new JsonArray().add("fullName").add("dateOfBirth"))
                .put("factors", demographics(resident)));
    }

    public String otpRequest(String uin) {
        return sign(envelope(uin).put("channels", new JsonArray().add("PHONE")));
    }

    public String otpVerify(String uin, String code) {
        return sign(envelope(uin).put("factors", new JsonObject().put("otp", code)));
    }

    private static JsonObject demographics(SyntheticResident resident) {
        JsonObject name = new JsonObject().put(resident.language(), resident.name());
        return new JsonObject()
                .put("demographics", new JsonObject().put("fullName", name).put("dateOfBirth", resident.dateOfBirth()));
    }

    private JsonObject envelope(String uin) {
        return new JsonObject()
                .put("transactionId", transactionPrefix + transactions.incrementAndGet())
                .put("requestTime", Instant.now().toString())
                .put("individualId", uin);
    }

    private String sign(JsonObject payload) {
        try {
            JWSObject jws = new JWSObject(header, new Payload(payload.encode()));
            jws.sign(signer);
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }
}
