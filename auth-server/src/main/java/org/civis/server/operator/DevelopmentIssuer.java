package org.civis.server.operator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.civis.core.keys.KeystorePassword;
import org.civis.core.keys.Pkcs12Files;
import org.civis.core.keys.SelfSignedCertificates;

/**
 * A token issuer for development only, so that {@code civis serve} on embedded defaults stays a
 * one-command start with an authenticated admin API. Its P-256 key is created once in {@value
 * #FILE_NAME} in the data directory (password-protected PKCS12, owner-only, under the keystore
 * password, like the other keystores); the server trusts that key directly, with no HTTP, and
 * {@code civis operator-token} signs short-lived tokens with it. Anyone who can read the data
 * directory can mint operator tokens: a deployment configures its own identity provider, and then
 * this issuer is neither trusted nor used.
 */
public final class DevelopmentIssuer {
    public static final String FILE_NAME = "operator-issuer.p12";
    /** The {@code iss} of development tokens: not a URL, so it cannot be mistaken for a real IdP. */
    public static final String ISSUER = "urn:civis:development-operator-issuer";

    static final String ALIAS = "civis-operator-issuer";
    private static final Duration MAX_LIFETIME = Duration.ofHours(8);

    private final ECKey key;

    private DevelopmentIssuer(ECKey key) {
        this.key = key;
    }

    /** Opens the issuer's key in {@code dataDir}, creating it on first use. Blocking file IO. */
    public static DevelopmentIssuer openOrCreate(Path dataDir, Optional<String> keystorePassword) {
        char[] password = KeystorePassword.resolve(dataDir, keystorePassword.orElse(null));
        try {
            return Pkcs12Files.openOrCreate(
                    dataDir.resolve(FILE_NAME), password, DevelopmentIssuer::generate, DevelopmentIssuer::read);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** The public key the server verifies development tokens with. */
    public JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }

    /**
     * A signed RFC 9068 access token for {@code subject} with {@code roles}, placed where {@code
     * rolesClaim} reads them, valid from {@code now} for {@code lifetime} (at most eight hours).
     */
    public String issue(
            String subject,
            Set<OperatorRole> roles,
            Duration lifetime,
            String audience,
            RolesClaim rolesClaim,
            Instant now) {
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("a development token lives for 1 minute to 8 hours");
        }
        new Operator(subject, ISSUER, roles); // the same limits as the verifier's
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(subject)
                .audience(audience)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim("client_id", "civis-operator-token");
        rolesClaim.grant(roles).forEach(claims::claim);
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .type(new JOSEObjectType("at+jwt"))
                        .keyID(key.getKeyID())
                        .build(),
                claims.build());
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("the development issuer's key cannot sign", e);
        }
        return jwt.serialize();
    }

    private static KeyStore generate(char[] password) throws GeneralSecurityException, IOException {
        SecureRandom random = new SecureRandom();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        KeyPair pair = generator.generateKeyPair();
        Certificate certificate = SelfSignedCertificates.of(
                pair, "SHA256withECDSA", "Civis development operator issuer", KeyUsage.digitalSignature, random);
        KeyStore keyStore = Pkcs12Files.empty();
        KeyStore.PasswordProtection protection = Pkcs12Files.entryProtection(password);
        try {
            keyStore.setEntry(
                    ALIAS,
                    new KeyStore.PrivateKeyEntry(pair.getPrivate(), new Certificate[] {certificate}),
                    protection);
        } finally {
            Pkcs12Files.destroyQuietly(protection);
        }
        return keyStore;
    }

    private static DevelopmentIssuer read(KeyStore keyStore, char[] password) {
        try {
            if (!(keyStore.getEntry(ALIAS, new KeyStore.PasswordProtection(password))
                    instanceof KeyStore.PrivateKeyEntry entry)) {
                throw new IllegalStateException(FILE_NAME + " has no private key entry '" + ALIAS + "'");
            }
            ECKey key = new ECKey.Builder(
                            Curve.P_256, (ECPublicKey) entry.getCertificate().getPublicKey())
                    .privateKey((ECPrivateKey) entry.getPrivateKey())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint()
                    .build();
            return new DevelopmentIssuer(key);
        } catch (UnrecoverableKeyException e) {
            throw new IllegalStateException("keystore password rejected for " + FILE_NAME, e);
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException(FILE_NAME + " could not be read", e);
        }
    }
}
