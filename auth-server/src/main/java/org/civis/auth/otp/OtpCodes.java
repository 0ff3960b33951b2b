package org.civis.auth.otp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.civis.core.crypto.HmacPerThread;

/**
 * One-time passwords: fresh 6-digit codes, and keyed digests of them so the cache holds no usable code (a leaked
 * digest cannot be brute-forced over the million codes without the key). Thread-safe.
 */
public final class OtpCodes {

    private static final int CODE_SPACE = 1_000_000;
    private static final byte SEPARATOR = 0x00;

    private final SecureRandom random;
    private final HmacPerThread macs;

    public OtpCodes(SecretKey otpKey, SecureRandom random) {
        this.macs = new HmacPerThread(Objects.requireNonNull(otpKey, "otpKey"));
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Six decimal digits, uniform over 000000..999999 (nextInt(bound) rejects biased draws), leading zeros kept. */
    public String newCode() {
        return String.format("%06d", random.nextInt(CODE_SPACE));
    }

    /** HMAC-SHA256(otpKey, UTF-8(subject) || 0x00 || UTF-8(code)): binds the code to whom it was sent. */
    public byte[] digest(String subject, String code) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(code, "code");
        if (subject.isEmpty() || subject.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("OTP subject must be non-empty and contain no NUL character");
        }
        Mac mac = macs.mac();
        mac.update(subject.getBytes(StandardCharsets.UTF_8));
        mac.update(SEPARATOR);
        mac.update(code.getBytes(StandardCharsets.UTF_8));
        return mac.doFinal();
    }

    /** Constant-time comparison, so response timing does not reveal how much of a guess matched. */
    public static boolean sameDigest(byte[] a, byte[] b) {
        return a != null && b != null && MessageDigest.isEqual(a, b);
    }
}
