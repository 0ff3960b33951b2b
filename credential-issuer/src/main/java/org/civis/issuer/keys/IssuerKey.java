package org.civis.issuer.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.Objects;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/**
 * One issuer key: its kid, algorithm and self-signed certificate, and the private key while it is
 * the key that signs. A retired key keeps only its public half, so cards it signed still verify.
 */
public final class IssuerKey {
    /** Characters of the base64url RFC 7638 thumbprint that make the kid: 48 bits, short in every QR. */
    static final int KID_LENGTH = 8;

    private final String kid;
    private final SigningAlgorithm algorithm;
    private final X509Certificate certificate;
    private final RawSigner signer; // null once retired
    private final JWK publicJwk;

    IssuerKey(SigningAlgorithm algorithm, X509Certificate certificate, PrivateKey privateKey) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        this.kid = kidOf(algorithm, certificate.getPublicKey());
        this.publicJwk = jwk(algorithm, certificate.getPublicKey(), kid);
        this.signer = privateKey == null ? null : RawSigner.of(algorithm, privateKey, certificate.getPublicKey());
    }

    /** The key id: in the COSE protected header as its UTF-8 bytes, in the JWKS as this string. */
    public String kid() {
        return kid;
    }

    public byte[] kidBytes() {
        return kid.getBytes(StandardCharsets.UTF_8);
    }

    public SigningAlgorithm algorithm() {
        return algorithm;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public PublicKey publicKey() {
        return certificate.getPublicKey();
    }

    /** Whether this key still holds its private half (it is, or was until a moment ago, the signing key). */
    public boolean canSign() {
        return signer != null;
    }

    /**
     * The signature of {@code message}: 64 bytes (Ed25519, or ES256 as raw r||s).
     *
     * @throws IllegalStateException if the key is retired
     */
    public byte[] sign(byte[] message) {
        if (signer == null) {
            throw new IllegalStateException("issuer key " + kid + " is retired and no longer signs");
        }
        return signer.sign(message);
    }

    /** The public JWK: {@code kid}, {@code use: sig}, {@code alg} EdDSA (OKP Ed25519) or ES256 (EC P-256). */
    public JWK publicJwk() {
        return publicJwk;
    }

    /** The certificate as PEM ({@code -----BEGIN CERTIFICATE-----}...). */
    public String certificatePem() {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            pem.writeObject(certificate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return "IssuerKey[" + kid + ", " + algorithm.joseName() + (canSign() ? ", signing" : ", retired") + "]";
    }

    private static JWK jwk(SigningAlgorithm algorithm, PublicKey publicKey, String kid) {
        return switch (algorithm) {
            case EDDSA ->
                new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(ed25519PublicBytes(publicKey)))
                        .keyUse(KeyUse.SIGNATURE)
                        .algorithm(JWSAlgorithm.EdDSA)
                        .keyID(kid)
                        .build();
            case ES256 ->
                new ECKey.Builder(Curve.P_256, (ECPublicKey) publicKey)
                        .keyUse(KeyUse.SIGNATURE)
                        .algorithm(JWSAlgorithm.ES256)
                        .keyID(kid)
                        .build();
        };
    }

    /** The raw 32-byte public key, which the JDK exposes only inside its RFC 8410 DER encoding. */
    static byte[] ed25519PublicBytes(PublicKey publicKey) {
        return SubjectPublicKeyInfo.getInstance(publicKey.getEncoded())
                .getPublicKeyData()
                .getOctets();
    }

    /** The kid of a public key: the first characters of its base64url RFC 7638 thumbprint. */
    static String kidOf(SigningAlgorithm algorithm, PublicKey publicKey) {
        try {
            return jwk(algorithm, publicKey, null)
                    .computeThumbprint()
                    .toString()
                    .substring(0, KID_LENGTH);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot compute the key's thumbprint", e);
        }
    }
}
