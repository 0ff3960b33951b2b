package org.civis.core.keys;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Self-signed X.509 certificates for key pairs kept in a PKCS12 file, which can only hold a private key
 * together with a certificate. Shared by the auth server's keystore (where nobody validates the
 * certificates: partners pin the keys through the JWKS) and the credential issuer's (whose certificates
 * are also published, one per key, for verifiers that take X.509 rather than JWKs).
 */
public final class SelfSignedCertificates {

    // Long, because an expired container certificate would change nothing but could alarm tooling that lists it.
    private static final Duration VALIDITY = Duration.ofDays(365L * 30);

    private SelfSignedCertificates() {}

    /**
     * Builds and signs the certificate with the pair's own private key, using the JDK's providers (BC only builds
     * the ASN.1), so no security provider is registered globally.
     *
     * @param signatureAlgorithm JCA name, for example {@code Ed25519} or {@code SHA256withECDSA}
     * @param commonName the subject's CN; any text (escaped here, so a comma cannot add attributes)
     * @param keyUsage BC {@link KeyUsage} bits, for example {@link KeyUsage#digitalSignature}
     */
    public static X509Certificate of(
            KeyPair pair, String signatureAlgorithm, String commonName, int keyUsage, SecureRandom random)
            throws GeneralSecurityException {
        return of(pair, signatureAlgorithm, commonName, keyUsage, null, random);
    }

    /**
     * As {@link #of(KeyPair, String, String, int, SecureRandom)}, with a subject key identifier
     * extension holding {@code subjectKeyIdentifier} (RFC 5280 section 4.2.1.2 leaves its derivation
     * to the issuer): how a certificate names the kid its key signs under.
     */
    public static X509Certificate of(
            KeyPair pair,
            String signatureAlgorithm,
            String commonName,
            int keyUsage,
            byte[] subjectKeyIdentifier,
            SecureRandom random)
            throws GeneralSecurityException {
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, commonName)
                .build();
        Instant now = Instant.now();
        BigInteger serial = new BigInteger(127, random).add(BigInteger.ONE);
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    name,
                    serial,
                    Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(VALIDITY)),
                    name,
                    pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
            if (subjectKeyIdentifier != null) {
                builder.addExtension(
                        Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(subjectKeyIdentifier));
            }
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(new JcaContentSignerBuilder(signatureAlgorithm).build(pair.getPrivate())));
            certificate.verify(pair.getPublic());
            return certificate;
        } catch (OperatorCreationException | CertIOException e) {
            throw new GeneralSecurityException("cannot build a self-signed " + signatureAlgorithm + " certificate", e);
        }
    }
}
