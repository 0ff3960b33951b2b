package org.civis.oidc.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Objects;
import javax.crypto.SecretKey;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.civis.auth.keys.AuthKeystoreFile;
import org.civis.core.keys.Pkcs12Files;
import org.civis.core.keys.SelfSignedCertificates;

/**
 * The keys the provider signs ID tokens and userinfo with: RSA 2048 (RS256, the OpenID Connect
 * default, and PS256) and P-256 (ES256). Each is named by its RFC 7638 thumbprint as {@code kid}.
 * They live in the auth keystore ({@code auth-keys.p12}) beside the other auth keys; a keystore
 * that lacks them gains them on first open and keeps them: relying parties cache the JWKS, so a
 * key is never regenerated. Added keys are derived from the keystore's OTP secret, so every
 * node's copy of one keystore gains the same ones (see {@link ProviderKeyDerivation}). Thread-safe.
 */
public final class ProviderKeys {
    public static final String RSA_ALIAS = "civis-oidc-rsa";
    public static final String EC_ALIAS = "civis-oidc-p256";

    private final RSAKey rsa;
    private final ECKey ec;
    private final JWSSigner rsaSigner;
    private final JWSSigner ecSigner;

    public ProviderKeys(RSAKey rsa, ECKey ec) {
        this.rsa = Objects.requireNonNull(rsa, "rsa");
        this.ec = Objects.requireNonNull(ec, "ec");
        if (!rsa.isPrivate() || rsa.size() < 2048 || !ec.isPrivate() || !Curve.P_256.equals(ec.getCurve())) {
            throw new IllegalArgumentException(
                    "provider keys must be a private RSA key of 2048 bits or more and a" + " private P-256 key");
        }
        if (rsa.getKeyID() == null || ec.getKeyID() == null) {
            throw new IllegalArgumentException("provider keys need a key id");
        }
        try {
            this.rsaSigner = new RSASSASigner(rsa);
            this.ecSigner = new ECDSASigner(ec);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("provider keys cannot sign", e);
        }
    }

    /**
     * The provider keys of the auth keystore at {@code file} (which {@link AuthKeystoreFile} has
     * created), added to it first when it has none. The password array is not modified.
     */
    public static ProviderKeys open(Path file, char[] password) {
        Pkcs12Files.requirePassword(password);
        try {
            KeyStore keyStore = Pkcs12Files.load(file, password);
            if (!keyStore.containsAlias(RSA_ALIAS) || !keyStore.containsAlias(EC_ALIAS)) {
                add(keyStore, password);
                Pkcs12Files.store(keyStore, file, password);
            }
            return read(keyStore, password);
        } catch (IOException e) {
            throw new UncheckedIOException("auth keystore " + file + " could not be read or written", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("provider keys in " + file + " could not be read or added", e);
        }
    }

    /** The signer for {@code alg}: RS256 and PS256 with the RSA key, ES256 with the P-256 key. */
    public JWSSigner signer(JWSAlgorithm alg) {
        return isRsa(alg) ? rsaSigner : ecSigner;
    }

    /** The {@code kid} of the key that signs {@code alg}. */
    public String keyId(JWSAlgorithm alg) {
        return isRsa(alg) ? rsa.getKeyID() : ec.getKeyID();
    }

    /** The public halves, for {@code /oidc/jwks} and for verifying in tests. */
    public JWKSet publicSet() {
        return new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK()));
    }

    public String jwksJson() {
        return publicSet().toString(true);
    }

    private static boolean isRsa(JWSAlgorithm alg) {
        if (JWSAlgorithm.RS256.equals(alg) || JWSAlgorithm.PS256.equals(alg)) {
            return true;
        }
        if (JWSAlgorithm.ES256.equals(alg)) {
            return false;
        }
        throw new IllegalArgumentException("the provider does not sign with " + alg);
    }

    private static void add(KeyStore keyStore, char[] password) throws GeneralSecurityException, IOException {
        if (!(keyStore.getKey(AuthKeystoreFile.OTP_ALIAS, password) instanceof SecretKey secret)) {
            throw new IllegalStateException("auth keystore has no OTP secret to derive the provider keys from");
        }
        ProviderKeyDerivation derivation = new ProviderKeyDerivation(secret);
        SecureRandom random = new SecureRandom();
        KeyStore.PasswordProtection protection = Pkcs12Files.entryProtection(password);
        try {
            if (!keyStore.containsAlias(RSA_ALIAS)) {
                KeyPair pair = derivation.rsa();
                keyStore.setEntry(
                        RSA_ALIAS, entry(pair, "SHA256withRSA", "Civis OpenID provider RSA", random), protection);
            }
            if (!keyStore.containsAlias(EC_ALIAS)) {
                BigInteger[] dxy = derivation.p256();
                ECKey key = new ECKey.Builder(Curve.P_256, Base64URL.encode(dxy[1]), Base64URL.encode(dxy[2]))
                        .d(Base64URL.encode(dxy[0]))
                        .build();
                keyStore.setEntry(
                        EC_ALIAS,
                        entry(key.toKeyPair(), "SHA256withECDSA", "Civis OpenID provider P-256", random),
                        protection);
            }
        } catch (JOSEException e) {
            throw new IllegalStateException("derived P-256 key is not valid", e);
        } finally {
            Pkcs12Files.destroyQuietly(protection);
        }
    }

    private static KeyStore.PrivateKeyEntry entry(
            KeyPair pair, String signatureAlgorithm, String name, SecureRandom random) throws GeneralSecurityException {
        Certificate certificate =
                SelfSignedCertificates.of(pair, signatureAlgorithm, name, KeyUsage.digitalSignature, random);
        return new KeyStore.PrivateKeyEntry(pair.getPrivate(), new Certificate[] {certificate});
    }

    private static ProviderKeys read(KeyStore keyStore, char[] password) throws GeneralSecurityException {
        try {
            PrivateKey rsaPrivate = (PrivateKey) keyStore.getKey(RSA_ALIAS, password);
            PrivateKey ecPrivate = (PrivateKey) keyStore.getKey(EC_ALIAS, password);
            RSAKey rsa = new RSAKey.Builder(
                            (RSAPublicKey) keyStore.getCertificate(RSA_ALIAS).getPublicKey())
                    .privateKey((RSAPrivateKey) rsaPrivate)
                    .keyUse(KeyUse.SIGNATURE)
                    .keyIDFromThumbprint()
                    .build();
            ECKey ec = new ECKey.Builder(Curve.P_256, (ECPublicKey)
                            keyStore.getCertificate(EC_ALIAS).getPublicKey())
                    .privateKey((ECPrivateKey) ecPrivate)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint()
                    .build();
            return new ProviderKeys(rsa, ec);
        } catch (ClassCastException e) {
            throw new IllegalStateException("provider key entries of the auth keystore are of the wrong type", e);
        } catch (JOSEException e) {
            throw new IllegalStateException("provider key thumbprints could not be computed", e);
        }
    }

    @Override
    public String toString() { // never the private parts
        return "ProviderKeys[" + rsa.getKeyID() + ", " + ec.getKeyID() + "]";
    }
}
