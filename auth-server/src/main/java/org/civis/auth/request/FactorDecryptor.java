package org.civis.auth.jose;

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
import org.civis.auth.jose.FactorDecryptionException.Reason;

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

    /**
     * @return the decrypted JSON object
     * @throws FactorDecryptionException with a stable {@link Reason}; the message never contains plaintext
     */
    public JsonObject decrypt(String compactJwe) throws FactorDecryptionException {
        JWEObject jwe = parse(compactJwe);
        try {
            // A decrypter per call: construction is cheap with a ready ECPrivateKey and leaves no shared state.
            jwe.decrypt(new ECDHDecrypter(privateKey));
        } catch (JOSEException | IllegalStateException e) {
            // Nimbus messages name the failing step (tag, curve check), never the plaintext.
            throw new FactorDecryptionException(Reason.DECRYPTION_FAILED, "factor could not be decrypted", e);
        }
        JsonObject payload = JsonPayloads.objectOrNull(jwe.getPayload().toBytes());
        if (payload == null) {
            throw new FactorDecryptionException(Reason.MALFORMED, "decrypted factor is not a JSON object", null);
        }
        return payload;
    }

    private static JWEObject parse(String compactJwe) throws FactorDecryptionException {
        if (compactJwe == null) {
            throw new FactorDecryptionException(Reason.MALFORMED, "factor is missing", null);
        }
        try {
            Base64URL[] parts = JOSEObject.split(compactJwe);
            if (parts.length != 5) {
                throw new FactorDecryptionException(Reason.MALFORMED, "factor is not a compact JWE", null);
            }
            Header header = Header.parse(parts[0]);
            if (!(header instanceof JWEHeader jweHeader) || !acceptable(jweHeader)) {
                throw new FactorDecryptionException(
                        Reason.ALGORITHM_NOT_ALLOWED, "factor must use alg ECDH-ES and enc A256GCM", null);
            }
            return new JWEObject(parts[0], parts[1], parts[2], parts[3], parts[4]);
        } catch (ParseException e) {
            throw new FactorDecryptionException(Reason.MALFORMED, "factor is not a compact JWE", null);
        }
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
