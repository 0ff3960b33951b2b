package org.civis.oidc.token;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Derives the provider's key pairs from a secret of the auth keystore. Why derive what is then
 * stored: the nodes of a cluster hold copies of one keystore, and each copy gains the provider keys
 * on its own first open; derived from the same secret, every copy gains the same keys, so every
 * node serves the same JWKS. Once stored they are read back, never derived again, so a change here
 * can never replace a published key. Only JDK {@link BigInteger} arithmetic and HMAC-SHA256 decide
 * the values, no provider's key generator, whose use of its random source may differ between versions.
 */
final class ProviderKeyDerivation {
    private static final BigInteger E = BigInteger.valueOf(65_537);
    private static final int RSA_BITS = 2048;

    private final SecretKey secret;

    ProviderKeyDerivation(SecretKey secret) {
        this.secret = secret;
    }

    /** RSA 2048, e = 65537, primes of exactly 1024 bits each (FIPS 186-5 B.3.1 sizes). */
    KeyPair rsa() throws GeneralSecurityException {
        Stream stream = new Stream("civis oidc rsa v1");
        BigInteger p = prime(stream);
        BigInteger q = prime(stream);
        while (p.subtract(q).abs().bitLength() < RSA_BITS / 2 - 100) { // FIPS 186-5: |p - q| > 2^(nlen/2 - 100)
            q = prime(stream);
        }
        BigInteger n = p.multiply(q);
        BigInteger pMinus = p.subtract(BigInteger.ONE);
        BigInteger qMinus = q.subtract(BigInteger.ONE);
        BigInteger lambda = pMinus.divide(pMinus.gcd(qMinus)).multiply(qMinus);
        BigInteger d = E.modInverse(lambda);
        KeyFactory factory = KeyFactory.getInstance("RSA");
        RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(new RSAPublicKeySpec(n, E));
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) factory.generatePrivate(
                new RSAPrivateCrtKeySpec(n, E, d, p, q, d.mod(pMinus), d.mod(qMinus), q.modInverse(p)));
        return new KeyPair(publicKey, privateKey);
    }

    /** The P-256 private scalar, in [1, n - 1], and its public point as (x, y). */
    BigInteger[] p256() {
        X9ECParameters curve = ECNamedCurveTable.getByName("secp256r1");
        BigInteger order = curve.getN();
        // 64 extra bits make the bias of the reduction negligible (FIPS 186-5 A.2.1).
        BigInteger d = new BigInteger(1, new Stream("civis oidc p-256 v1").next(40))
                .mod(order.subtract(BigInteger.ONE))
                .add(BigInteger.ONE);
        ECPoint q = curve.getG().multiply(d).normalize();
        return new BigInteger[] {
            d, q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger()
        };
    }

    private static BigInteger prime(Stream stream) {
        while (true) {
            byte[] candidate = stream.next(RSA_BITS / 16);
            candidate[0] |= (byte) 0xC0; // the top two bits: p * q has exactly 2048 bits
            candidate[candidate.length - 1] |= 1;
            BigInteger p = new BigInteger(1, candidate);
            if (!p.mod(E).equals(BigInteger.ONE) && p.isProbablePrime(128)) {
                return p;
            }
        }
    }

    /** HMAC-SHA256 in counter mode (NIST SP 800-108) under one label. */
    private final class Stream {
        private final byte[] label;
        private long counter;

        Stream(String label) {
            this.label = label.getBytes(StandardCharsets.UTF_8);
        }

        byte[] next(int length) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(secret);
                byte[] out = new byte[length];
                for (int filled = 0; filled < length; ) {
                    mac.update((byte) 0); // as AuthKeys derives: no OTP digest input starts with NUL
                    mac.update(label);
                    mac.update(BigInteger.valueOf(counter++).toByteArray());
                    byte[] block = mac.doFinal();
                    int take = Math.min(block.length, length - filled);
                    System.arraycopy(block, 0, out, filled, take);
                    filled += take;
                }
                return out;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
            }
        }
    }
}
