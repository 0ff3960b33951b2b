package org.civis.auth.request;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObject;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.util.Base64URL;
import io.vertx.core.json.JsonObject;
import java.security.interfaces.ECPrivateKey;
import java.text.ParseException;
import java.util.Objects;
import org.civis.auth.keys.AuthKeys;
import org.civis.auth.request.FactorDecryption.Reason;

/**
 * Opens identity factors (OTP, biometrics, demographics) that partners encrypt to the server's published encryption
 * key, so they travel end to end past TLS terminators and logs. Only alg ECDH-ES with enc A256GCM is accepted:
 * one key agreement and one authenticated cipher, no key wrapping, no compression. Thread-safe.
 */
public final class FactorDecryptor {

    private final ECPrivateKey privateKey;

    public FactorDecryptor(AuthKeys keys) {
        Objects.requireNonNull(keys, "keys");
        try {
            this.privateKey = keys.encryptionKey().toECPrivateKey();
        } catch (JOSEException e) {
            throw new IllegalArgumentException("encryption key has no usable EC private key", e);
        }
    }

    /** The decrypted JSON object, or why there is none; never throws for what a client sent. */
    public FactorDecryption decrypt(String compactJwe) {
        if (compactJwe == null) {
            return new FactorDecryption.Refused(Reason.MALFORMED);
        }
        JWEObject jwe;
        try {
            Base64URL[] parts = JOSEObject.split(compactJwe);
            if (parts.length != 5) {
                return new FactorDecryption.Refused(Reason.MALFORMED);
            }
            Header header = Header.parse(parts[0]);
            if (!(header instanceof JWEHeader jweHeader) || !acceptable(jweHeader)) {
                return new FactorDecryption.Refused(Reason.ALGORITHM_NOT_ALLOWED);
            }
            jwe = new JWEObject(parts[0], parts[1], parts[2], parts[3], parts[4]);
        } catch (ParseException e) {
            return new FactorDecryption.Refused(Reason.MALFORMED);
        }
        try {
            // A decrypter per call: construction is cheap with a ready ECPrivateKey and leaves no shared state.
            jwe.decrypt(new ECDHDecrypter(privateKey));
        } catch (JOSEException | IllegalStateException e) {
            // Encrypted to another key or altered; the exception (it names the failing step) is not kept.
            return new FactorDecryption.Refused(Reason.DECRYPTION_FAILED);
        }
        JsonObject payload = JsonPayloads.objectOrNull(jwe.getPayload().toBytes());
        return payload == null ? new FactorDecryption.Refused(Reason.MALFORMED) : new FactorDecryption.Opened(payload);
    }

    private static boolean acceptable(JWEHeader header) {
        boolean critical = header.getCriticalParams() != null
                && !header.getCriticalParams().isEmpty();
        return JWEAlgorithm.ECDH_ES.equals(header.getAlgorithm())
                && EncryptionMethod.A256GCM.equals(header.getEncryptionMethod())
                && header.getCompressionAlgorithm() == null
                && !critical;
    }
}
