package org.civis.auth.partner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Partner API keys: {@code civis.<partner id>.<256 random bits, base64url>}. The key names its
 * partner, so the directory is read once; only its SHA-256 digest is stored, and a presented key
 * is compared with the digest in constant time.
 */
public final class ApiKeys {
    private static final String PREFIX = "civis.";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {}

    /** A fresh key for the partner; show it once, store {@link #digest(String)} of it. */
    public static String newKey(PartnerId partner) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return PREFIX + partner.value() + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** The partner a presented key claims to belong to, if it has the form of a key at all. */
    public static Optional<PartnerId> claimedPartner(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 200) {
            return Optional.empty();
        }
        int end = presented.indexOf('.', PREFIX.length());
        if (end < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PartnerId(presented.substring(PREFIX.length(), end)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Whether {@code presented} is the key whose digest is stored; constant time in the digest. */
    public static boolean matches(String presented, byte[] storedDigest) {
        return MessageDigest.isEqual(digest(presented), storedDigest);
    }
}
