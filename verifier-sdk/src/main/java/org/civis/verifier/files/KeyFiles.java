package org.civis.verifier.files;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civis.verifier.spec.CoseAlgorithm;
import org.civis.verifier.trust.DecryptionKey;
import org.civis.verifier.trust.KeyType;
import org.civis.verifier.trust.Kid;
import org.civis.verifier.trust.TrustedKey;

/**
 * Reads trusted keys from the files an operator hands the verifier: a JWKS document, a verifier
 * bundle (a JWKS with {@code certificates} and {@code statusLists} beside {@code keys}), or X.509
 * certificates in PEM or DER. Entries the verifier cannot use are skipped with a warning; a file
 * that is not one of these formats reads as {@link FileReading.Unreadable}.
 */
public final class KeyFiles {
    private KeyFiles() {}

    public static FileReading<TrustedKey> signingKeys(byte[] content, String source) {
        List<TrustedKey> keys = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (!looksLikeJson(content)) {
            List<X509Certificate> certificates = new ArrayList<>();
            Optional<String> unreadable = certificates(content, source, certificates);
            if (unreadable.isPresent()) {
                return new FileReading.Unreadable<>(unreadable.get());
            }
            for (X509Certificate certificate : certificates) {
                fromCertificate(certificate, source, keys, warnings);
            }
            return new LoadedKeys<>(keys, warnings);
        }
        Optional<Map<String, Object>> json = parseJson(content);
        if (json.isEmpty()) {
            return notJson(source);
        }
        Optional<List<Object>> jwks = list(json.get(), "keys");
        if (jwks.isEmpty()) {
            return notAnArray(source, "keys");
        }
        for (int i = 0; i < jwks.get().size(); i++) {
            fromJwk(jwks.get().get(i), source + " keys[" + i + "]", keys, warnings);
        }
        Optional<List<Object>> certificates = list(json.get(), "certificates");
        if (certificates.isEmpty()) {
            return notAnArray(source, "certificates");
        }
        for (int i = 0; i < certificates.get().size(); i++) {
            String where = source + " certificates[" + i + "]";
            if (!(certificates.get().get(i) instanceof String pem)) {
                warnings.add(where + ": not a PEM string");
                continue;
            }
            List<X509Certificate> inPem = new ArrayList<>();
            Optional<String> unreadable = certificates(pem.getBytes(StandardCharsets.US_ASCII), where, inPem);
            if (unreadable.isPresent()) {
                return new FileReading.Unreadable<>(unreadable.get());
            }
            for (X509Certificate certificate : inPem) {
                fromCertificate(certificate, where, keys, warnings);
            }
        }
        return new LoadedKeys<>(keys, warnings);
    }

    /** Symmetric keys ({@code "kty": "oct"}) of a JWKS, for COSE_Encrypt0. */
    public static FileReading<DecryptionKey> decryptionKeys(byte[] content, String source) {
        if (!looksLikeJson(content)) {
            return new FileReading.Unreadable<>(source + ": not a JWKS document");
        }
        Optional<Map<String, Object>> json = parseJson(content);
        if (json.isEmpty()) {
            return notJson(source);
        }
        Optional<List<Object>> jwks = list(json.get(), "keys");
        if (jwks.isEmpty()) {
            return notAnArray(source, "keys");
        }
        List<DecryptionKey> keys = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < jwks.get().size(); i++) {
            String where = source + " keys[" + i + "]";
            if (!(jwks.get().get(i) instanceof Map<?, ?> entry)) {
                warnings.add(where + ": not a JSON object");
                continue;
            }
            try {
                JWK jwk = parseJwk(entry);
                if (jwk instanceof OctetSequenceKey oct) {
                    keys.add(new DecryptionKey(kidOf(jwk), oct.toByteArray(), where));
                } else {
                    warnings.add(where + ": not a symmetric (oct) key");
                }
            } catch (ParseException | IllegalArgumentException e) {
                warnings.add(where + ": " + e.getMessage());
            }
        }
        return new LoadedKeys<>(keys, warnings);
    }

    private static <K> FileReading<K> notJson(String source) {
        return new FileReading.Unreadable<>(source + ": not valid JSON");
    }

    private static <K> FileReading<K> notAnArray(String source, String member) {
        return new FileReading.Unreadable<>(source + ": " + member + " is not an array");
    }

    /** The kid COSE messages use for a certificate's key: the first 8 bytes of SHA-256 over its DER. */
    public static Kid certificateKid(X509Certificate certificate) throws CertificateException {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return Kid.of(Arrays.copyOf(digest, 8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static void fromJwk(Object entry, String where, List<TrustedKey> keys, List<String> warnings) {
        if (!(entry instanceof Map<?, ?> object)) {
            warnings.add(where + ": not a JSON object");
            return;
        }
        try {
            JWK jwk = parseJwk(object);
            if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
                warnings.add(where + ": use is not sig");
                return;
            }
            Optional<PublicKey> key = publicKey(jwk);
            Optional<KeyType> type = key.flatMap(PublicKeys::typeOf);
            if (type.isEmpty()) {
                warnings.add(where + ": not an Ed25519, Ed448, P-256, P-384 or RSA-2048+ public key");
                return;
            }
            Optional<CoseAlgorithm> declared = Optional.empty();
            if (jwk.getAlgorithm() != null) {
                declared = Arrays.stream(CoseAlgorithm.values())
                        .filter(a -> a.joseName().equals(jwk.getAlgorithm().getName()))
                        .findFirst();
                if (declared.isEmpty() || !type.get().verifies(declared.get())) {
                    warnings.add(where + ": alg " + jwk.getAlgorithm().getName() + " does not fit the key");
                    return;
                }
            }
            keys.add(new TrustedKey(kidOf(jwk), key.get(), type.get(), declared, where));
        } catch (ParseException | JOSEException | GeneralSecurityException | IllegalArgumentException e) {
            warnings.add(where + ": " + e.getMessage());
        }
    }

    private static Optional<PublicKey> publicKey(JWK jwk) throws JOSEException, GeneralSecurityException {
        if (jwk instanceof OctetKeyPair okp) {
            Curve curve = okp.getCurve();
            if (Curve.Ed25519.equals(curve) || Curve.Ed448.equals(curve)) {
                return Optional.of(PublicKeys.edDsa(curve.getName(), okp.getDecodedX()));
            }
            return Optional.empty();
        }
        if (jwk instanceof ECKey ec) {
            return Optional.of(ec.toECPublicKey());
        }
        if (jwk instanceof RSAKey rsa) {
            return Optional.of(rsa.toRSAPublicKey());
        }
        return Optional.empty();
    }

    private static void fromCertificate(
            X509Certificate certificate, String where, List<TrustedKey> keys, List<String> warnings) {
        Optional<KeyType> type = PublicKeys.typeOf(certificate.getPublicKey());
        if (type.isEmpty()) {
            warnings.add(where + ": certificate key is not Ed25519, Ed448, P-256, P-384 or RSA-2048+");
            return;
        }
        try {
            keys.add(new TrustedKey(
                    Optional.of(certificateKid(certificate)),
                    certificate.getPublicKey(),
                    type.get(),
                    Optional.empty(),
                    where));
            // Issuers that name their key in the certificate (Civis does) use that name as the kid.
            Optional<Kid> named = subjectKeyIdentifier(certificate);
            if (named.isPresent() && !named.get().equals(certificateKid(certificate))) {
                keys.add(new TrustedKey(
                        named, certificate.getPublicKey(), type.get(), Optional.empty(), where + " (key identifier)"));
            }
        } catch (CertificateException e) {
            warnings.add(where + ": " + e.getMessage());
        }
    }

    /**
     * The certificate's subject key identifier (RFC 5280 section 4.2.1.2), when it has one in the
     * short DER form every real identifier takes: an OCTET STRING extension value wrapping the
     * OCTET STRING of the identifier.
     */
    static Optional<Kid> subjectKeyIdentifier(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue("2.5.29.14");
        if (value == null || value.length < 4 || value[0] != 0x04 || value[2] != 0x04) {
            return Optional.empty();
        }
        int outer = value[1];
        int inner = value[3];
        if (outer != value.length - 2 || inner != outer - 2 || inner < 1) {
            return Optional.empty();
        }
        return Optional.of(Kid.of(Arrays.copyOfRange(value, 4, 4 + inner)));
    }

    /** Adds the certificates in the content to {@code out}; why there are none, naming the source, if so. */
    private static Optional<String> certificates(byte[] content, String source, List<X509Certificate> out) {
        try {
            for (var certificate :
                    CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(content))) {
                out.add((X509Certificate) certificate);
            }
        } catch (CertificateException e) {
            return Optional.of(source + ": neither a JWKS document nor an X.509 certificate");
        }
        return out.isEmpty() ? Optional.of(source + ": no certificate found") : Optional.empty();
    }

    private static Optional<Kid> kidOf(JWK jwk) {
        return jwk.getKeyID() == null || jwk.getKeyID().isEmpty()
                ? Optional.empty()
                : Optional.of(Kid.ofText(jwk.getKeyID()));
    }

    @SuppressWarnings("unchecked")
    private static JWK parseJwk(Map<?, ?> entry) throws ParseException {
        return JWK.parse((Map<String, Object>) entry);
    }

    static boolean looksLikeJson(byte[] content) {
        for (byte b : content) {
            if (b == '{') {
                return true;
            }
            if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return false;
            }
        }
        return false;
    }

    /** The JSON object, or empty when the content is not one. */
    static Optional<Map<String, Object>> parseJson(byte[] content) {
        try {
            String text = new String(content, StandardCharsets.UTF_8);
            // A byte-order mark from a Windows editor is not JSON, but it is not the operator's intent either.
            return Optional.of(JSONObjectUtils.parse(text.startsWith("\uFEFF") ? text.substring(1) : text));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /** The member as a list (empty when absent), or empty when it is present but not an array. */
    @SuppressWarnings("unchecked")
    private static Optional<List<Object>> list(Map<String, Object> json, String member) {
        Object value = json.get(member);
        if (value == null) {
            return Optional.of(List.of());
        }
        return value instanceof List ? Optional.of((List<Object>) value) : Optional.empty();
    }
}
