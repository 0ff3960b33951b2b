package org.civis.issuer.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.civis.core.keys.Pkcs12Files;
import org.civis.core.keys.SelfSignedCertificates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The issuer's keys in their own PKCS12 file ({@code issuer-keys.p12} in the data directory), written
 * like every Civis keystore ({@link Pkcs12Files}: explicit entry protection, atomic owner-only file).
 * Entries are {@code civis-issuer-1}, {@code -2}, ...: the highest number is the signing key, a
 * private key with its self-signed certificate; a rotation turns it into a certificate-only entry,
 * so a retired private key is gone from the file, and adds the next number. Every method that
 * touches the file blocks: call it off the event loop.
 */
public final class IssuerKeystore {
    public static final String FILE_NAME = "issuer-keys.p12";
    private static final String ALIAS_PREFIX = "civis-issuer-";
    private static final Logger LOG = LoggerFactory.getLogger(IssuerKeystore.class);

    private final Path file;
    private final char[] password;
    private final String issuerName;
    private volatile IssuerKeyRing ring;
    private volatile FileStamp stamp;

    private IssuerKeystore(Path file, char[] password, String issuerName) {
        this.file = file;
        this.password = password.clone(); // kept: a rotation writes the file again
        this.issuerName = issuerName;
    }

    /**
     * Opens the keystore at {@code file}, or creates it with one {@code algorithm} key. Opening never
     * rotates: every process that opens the file (each node, each command) would otherwise undo a
     * rotation to another algorithm made elsewhere. A changed algorithm takes effect at the next
     * rotation.
     *
     * @param issuerName names the keys' certificates ({@code CN=<issuerName> credential issuer})
     * @throws IllegalStateException if the password is wrong or the file has no usable signing key
     */
    public static IssuerKeystore openOrCreate(
            Path file, char[] password, SigningAlgorithm algorithm, String issuerName) {
        Objects.requireNonNull(algorithm, "algorithm");
        IssuerKeystore keystore = new IssuerKeystore(Objects.requireNonNull(file, "file"), password, issuerName);
        IssuerKeyRing opened = Pkcs12Files.openOrCreate(
                file, password, p -> keystore.withNewKey(Pkcs12Files.empty(), algorithm), IssuerKeystore::read);
        keystore.ring = opened;
        keystore.stamp = FileStamp.of(file);
        return keystore;
    }

    /** The keys as last read or written by this process. */
    public IssuerKeyRing ring() {
        return ring;
    }

    /**
     * Makes a new {@code algorithm} key the signing key; the previous keys keep only their
     * certificates. Reads the file first, so a rotation made elsewhere on a shared file is kept.
     */
    public synchronized IssuerKeyRing rotate(SigningAlgorithm algorithm) {
        try {
            KeyStore keyStore = Pkcs12Files.load(file, password);
            for (String alias : Collections.list(keyStore.aliases())) {
                if (keyStore.isKeyEntry(alias)) {
                    Certificate certificate = keyStore.getCertificate(alias);
                    keyStore.deleteEntry(alias);
                    keyStore.setEntry(alias, new KeyStore.TrustedCertificateEntry(certificate), null);
                }
            }
            withNewKey(keyStore, algorithm);
            Pkcs12Files.store(keyStore, file, password);
            ring = read(keyStore, password);
            stamp = FileStamp.of(file);
            LOG.info("issuer key rotated: {} signs now", ring.current());
            return ring;
        } catch (IOException e) {
            throw new UncheckedIOException("issuer keystore " + file + " could not be rotated", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("issuer keystore " + file + " could not be rotated", e);
        }
    }

    /**
     * Reads the file again if it changed since this process last read or wrote it (another node
     * rotated the keys on a shared file); returns whether it did.
     */
    public synchronized boolean reloadIfChanged() {
        FileStamp now = FileStamp.of(file);
        if (now.equals(stamp)) {
            return false;
        }
        try {
            ring = read(Pkcs12Files.load(file, password), password);
            stamp = now;
            LOG.info("issuer keystore changed on disk: {} signs now", ring.current());
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("issuer keystore " + file + " could not be read", e);
        }
    }

    private KeyStore withNewKey(KeyStore keyStore, SigningAlgorithm algorithm)
            throws GeneralSecurityException, IOException {
        SecureRandom random = new SecureRandom();
        KeyPair pair = generate(algorithm, random);
        // The certificate carries the kid as its subject key identifier: certificates have no other
        // place for it, and a verifier given only certificates needs it to match COSE headers.
        X509Certificate certificate = SelfSignedCertificates.of(
                pair,
                algorithm.certificateAlgorithm(),
                issuerName + " credential issuer",
                KeyUsage.digitalSignature,
                IssuerKey.kidOf(algorithm, pair.getPublic()).getBytes(StandardCharsets.UTF_8),
                random);
        KeyStore.PasswordProtection protection = Pkcs12Files.entryProtection(password);
        try {
            keyStore.setEntry(
                    ALIAS_PREFIX + (highestNumber(keyStore) + 1),
                    new KeyStore.PrivateKeyEntry(pair.getPrivate(), new Certificate[] {certificate}),
                    protection);
        } finally {
            Pkcs12Files.destroyQuietly(protection);
        }
        return keyStore;
    }

    private static KeyPair generate(SigningAlgorithm algorithm, SecureRandom random) throws GeneralSecurityException {
        return switch (algorithm) {
            case EDDSA -> {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
                generator.initialize(NamedParameterSpec.ED25519, random);
                yield generator.generateKeyPair();
            }
            case ES256 -> {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"), random);
                yield generator.generateKeyPair();
            }
        };
    }

    /** The ring in a loaded keystore; only the highest-numbered entry may sign. */
    static IssuerKeyRing read(KeyStore keyStore, char[] password) {
        try {
            TreeMap<Integer, String> numbered = new TreeMap<>();
            for (String alias : Collections.list(keyStore.aliases())) {
                number(alias).ifPresent(n -> numbered.put(n, alias));
            }
            if (numbered.isEmpty()) {
                throw new IllegalStateException("the issuer keystore holds no issuer key");
            }
            List<IssuerKey> keys = new ArrayList<>();
            for (String alias : numbered.values()) {
                boolean current = alias.equals(numbered.lastEntry().getValue());
                X509Certificate certificate = (X509Certificate) keyStore.getCertificate(alias);
                Key privateKey = current && keyStore.isKeyEntry(alias) ? keyStore.getKey(alias, password) : null;
                keys.add(new IssuerKey(algorithmOf(certificate), certificate, (PrivateKey) privateKey));
            }
            return new IssuerKeyRing(keys);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the issuer keystore's keys could not be read", e);
        }
    }

    private static SigningAlgorithm algorithmOf(X509Certificate certificate) {
        String algorithm = certificate.getPublicKey().getAlgorithm();
        if (algorithm.equals("EC")) {
            return SigningAlgorithm.ES256;
        }
        if (algorithm.equals("Ed25519") || algorithm.equals("EdDSA")) {
            return SigningAlgorithm.EDDSA;
        }
        throw new IllegalStateException("issuer keystore holds a key of unsupported algorithm " + algorithm);
    }

    private static int highestNumber(KeyStore keyStore) throws GeneralSecurityException {
        int highest = 0;
        for (String alias : Collections.list(keyStore.aliases())) {
            highest = Math.max(highest, number(alias).orElse(0));
        }
        return highest;
    }

    private static Optional<Integer> number(String alias) {
        if (!alias.startsWith(ALIAS_PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(alias.substring(ALIAS_PREFIX.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** What tells a changed file from the one last read: modification time and size. */
    private record FileStamp(long modifiedMillis, long size) {
        static FileStamp of(Path file) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return new FileStamp(attributes.lastModifiedTime().toMillis(), attributes.size());
            } catch (IOException e) {
                throw new UncheckedIOException("issuer keystore " + file + " cannot be read", e);
            }
        }
    }
}
