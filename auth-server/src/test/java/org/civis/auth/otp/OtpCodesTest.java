package org.civis.auth.otp;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

class OtpCodesTest {
    private static final SecretKey OTP_KEY = hmacKey();

    private final OtpCodes otp = new OtpCodes(OTP_KEY, new SecureRandom());

    private static SecretKey hmacKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("HmacSHA256");
            generator.init(256);
            return generator.generateKey();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void codesAreSixDigitsAndVary() {
        Set<String> seen = new HashSet<>();
        int[] leadingDigits = new int[10];
        int draws = 50_000;
        for (int i = 0; i < draws; i++) {
            String code = otp.newCode();
            assertThat(code).matches("[0-9]{6}");
            seen.add(code);
            leadingDigits[code.charAt(0) - '0']++;
        }
        assertThat(seen.size()).isGreaterThan(draws * 9 / 10);
        // Each leading digit should take about a tenth; 9..11 % is more than 14 standard deviations wide.
        for (int count : leadingDigits) {
            assertThat(count).isBetween(draws * 9 / 100, draws * 11 / 100);
        }
    }

    @Test
    void leadingZerosAreKept() {
        SecureRandom fixed = new SecureRandom() {
            private static final long serialVersionUID = 1L;

            @Override
            public int nextInt(int bound) {
                return 42;
            }
        };

        assertThat(new OtpCodes(OTP_KEY, fixed).newCode()).isEqualTo("000042");
    }

    @Test
    void digestsMatchOnlyForTheSameSubjectAndCode() throws Exception {
        byte[] digest = otp.digest("2749503865", "004217");
        KeyGenerator generator = KeyGenerator.getInstance("HmacSHA256");
        generator.init(256);
        OtpCodes otherKey = new OtpCodes(generator.generateKey(), new SecureRandom());

        assertThat(OtpCodes.sameDigest(digest, otp.digest("2749503865", "004217")))
                .isTrue();
        assertThat(OtpCodes.sameDigest(digest, otp.digest("2749503865", "004218")))
                .isFalse();
        assertThat(OtpCodes.sameDigest(digest, otp.digest("5995707374", "004217")))
                .isFalse();
        assertThat(OtpCodes.sameDigest(digest, otp.digest("2749503865", "4217")))
                .isFalse();
        assertThat(OtpCodes.sameDigest(digest, otherKey.digest("2749503865", "004217")))
                .isFalse();
        assertThat(digest).hasSize(32);
    }

    @Test
    void theSeparatorKeepsSubjectAndCodeApart() {
        assertThat(OtpCodes.sameDigest(otp.digest("ab", "123456"), otp.digest("ab1", "23456")))
                .isFalse();
    }

    @Test
    void sameDigestRejectsMissingOrShorterDigests() {
        byte[] digest = otp.digest("2749503865", "004217");

        assertThat(OtpCodes.sameDigest(digest, null)).isFalse();
        assertThat(OtpCodes.sameDigest(null, digest)).isFalse();
        assertThat(OtpCodes.sameDigest(digest, Arrays.copyOf(digest, 16))).isFalse();
    }
}
