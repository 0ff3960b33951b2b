package org.civis.issuer.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.civis.core.keys.Pkcs12Files;
import org.civis.core.schema.IdSchema;
import org.civis.issuer.CredentialIssuer;
import org.civis.issuer.CredentialRequest;
import org.civis.issuer.StatusListEntry;
import org.civis.issuer.samples.CoseMessages;
import org.civis.issuer.samples.SampleHolders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rotation: a new key signs, older public keys stay published, older private keys are gone. */
class KeyRotationTest {
    private static final char[] PASSWORD = "rotation-test".toCharArray();

    @TempDir
    Path dir;

    @Test
    void afterRotationTheNewKidSignsAndTheOldPublicKeyStaysInTheJwksAndCertificates() throws Exception {
        Path file = dir.resolve(IssuerKeystore.FILE_NAME);
        IssuerKeystore keystore = IssuerKeystore.openOrCreate(file, PASSWORD, SigningAlgorithm.EDDSA, "Test ID");
        IssuerKey first = keystore.ring().current();

        IssuerKeyRing rotated = keystore.rotate(SigningAlgorithm.ES256);

        IssuerKey second = rotated.current();
        assertThat(second.kid()).isNotEqualTo(first.kid()).hasSize(8);
        assertThat(rotated.keys()).extracting(IssuerKey::kid).containsExactly(first.kid(), second.kid());
        assertThat(rotated.byKid(first.kid()).orElseThrow().canSign()).isFalse();
        assertThatThrownBy(() -> rotated.byKid(first.kid()).orElseThrow().sign(new byte[] {1}))
                .isInstanceOf(IllegalStateException.class);

        JWKSet jwks = JWKSet.parse(rotated.jwksJson());
        JWK okp = jwks.getKeyByKeyId(first.kid());
        JWK ec = jwks.getKeyByKeyId(second.kid());
        assertThat(okp.getKeyType()).isEqualTo(KeyType.OKP);
        assertThat(((OctetKeyPair) okp).getCurve()).isEqualTo(Curve.Ed25519);
        assertThat(okp.getAlgorithm().getName()).isEqualTo("EdDSA");
        assertThat(ec.getKeyType()).isEqualTo(KeyType.EC);
        assertThat(((ECKey) ec).getCurve()).isEqualTo(Curve.P_256);
        assertThat(ec.getAlgorithm().getName()).isEqualTo("ES256");
        assertThat(jwks.getKeys()).allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
        assertThat(rotated.jwksJson()).doesNotContain("\"d\"");

        List<X509Certificate> certificates = rotated.certificatePems().stream()
                .map(KeyRotationTest::certificate)
                .toList();
        assertThat(certificates)
                .extracting(X509Certificate::getPublicKey)
                .containsExactly(first.publicKey(), second.publicKey());
        assertThat(((ECKey) ec).toECPublicKey()).isEqualTo(second.publicKey());
        // Certificates name their kid as the subject key identifier, for verifiers given only certificates.
        assertThat(certificates)
                .extracting(KeyRotationTest::subjectKeyIdentifier)
                .containsExactly(first.kid(), second.kid());

        var credential = new CredentialIssuer(IdSchema.defaultSchema())
                .issue(new CredentialRequest(
                        SampleHolders.identity(SampleHolders.uin(9), 1, SampleHolders.typicalFields(9)),
                        "https://id.example.org",
                        Instant.parse("2026-11-25T09:30:00Z"),
                        Instant.parse("2031-11-25T09:30:00Z"),
                        new StatusListEntry("https://id.example.org/statuslists/1", 1),
                        rotated.current()));
        var sign1 = CoseMessages.sign1(credential.cwt(), true);
        assertThat(new String(CoseMessages.protectedHeader(sign1).get(4).GetByteString(), StandardCharsets.UTF_8))
                .isEqualTo(second.kid());
        assertThat(CoseMessages.verifies(sign1, second.publicKey(), SigningAlgorithm.ES256))
                .isTrue();
    }

    @Test
    void theFileKeepsNoRetiredPrivateKeyAndReopensToTheSameRing() throws Exception {
        Path file = dir.resolve(IssuerKeystore.FILE_NAME);
        IssuerKeystore keystore = IssuerKeystore.openOrCreate(file, PASSWORD, SigningAlgorithm.EDDSA, "Test ID");
        keystore.rotate(SigningAlgorithm.EDDSA);
        IssuerKeyRing ring = keystore.rotate(SigningAlgorithm.EDDSA);

        KeyStore stored = Pkcs12Files.load(file, PASSWORD);
        assertThat(stored.isKeyEntry("civis-issuer-1")).isFalse();
        assertThat(stored.isCertificateEntry("civis-issuer-1")).isTrue();
        assertThat(stored.isKeyEntry("civis-issuer-2")).isFalse();
        assertThat(stored.isKeyEntry("civis-issuer-3")).isTrue();

        IssuerKeyRing reopened = IssuerKeystore.openOrCreate(file, PASSWORD, SigningAlgorithm.EDDSA, "Test ID")
                .ring();
        assertThat(reopened.keys())
                .extracting(IssuerKey::kid)
                .containsExactlyElementsOf(
                        ring.keys().stream().map(IssuerKey::kid).toList());
        assertThat(reopened.current().canSign()).isTrue();
    }

    @Test
    void anotherProcessesRotationIsPickedUpFromTheFile() {
        Path file = dir.resolve(IssuerKeystore.FILE_NAME);
        IssuerKeystore here = IssuerKeystore.openOrCreate(file, PASSWORD, SigningAlgorithm.EDDSA, "Test ID");
        IssuerKeystore there = IssuerKeystore.openOrCreate(file, PASSWORD, SigningAlgorithm.EDDSA, "Test ID");
        String newKid = there.rotate(SigningAlgorithm.EDDSA).current().kid();

        assertThat(here.reloadIfChanged()).isTrue();
        assertThat(here.ring().current().kid()).isEqualTo(newKid);
        assertThat(here.reloadIfChanged()).isFalse();
    }

    @Test
    void openingWithAnotherAlgorithmNeverRotatesSoARotationMadeElsewhereStands() {
        Path file = dir.resolve(IssuerKeystore.FILE_NAME);
        IssuerKeystore node = IssuerKeystore.openOrCreate(file, PASSWORD, SigningAlgorithm.EDDSA, "Test ID");
        String es256 = node.rotate(SigningAlgorithm.ES256).current().kid();

        IssuerKeyRing reopened = IssuerKeystore.openOrCreate(file, PASSWORD, SigningAlgorithm.EDDSA, "Test ID")
                .ring();

        assertThat(reopened.current().kid()).isEqualTo(es256);
        assertThat(reopened.keys()).hasSize(2);
    }

    private static String subjectKeyIdentifier(X509Certificate certificate) {
        try {
            byte[] value = certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId());
            return new String(
                    SubjectKeyIdentifier.getInstance(JcaX509ExtensionUtils.parseExtensionValue(value))
                            .getKeyIdentifier(),
                    StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static X509Certificate certificate(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new AssertionError("not a PEM certificate", e);
        }
    }
}
