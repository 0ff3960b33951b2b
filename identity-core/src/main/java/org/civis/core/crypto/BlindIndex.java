package org.civis.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * Keyed digests (HMAC-SHA256) of normalised values, so storage can find equal values without keeping them in
 * the clear. The domain names the field, so equal strings in different fields produce unrelated digests.
 * Thread-safe.
 */
public final class BlindIndex {

    private static final String ALGORITHM = "HmacSHA256";
    private static final byte DOMAIN_SEPARATOR = 0x00;

    // Mac is stateful and not thread-safe; one per thread keeps the hot path free of locks and Mac.getInstance.
    private final ThreadLocal<Mac> macs;

    public BlindIndex(SecretKey hmacKey) {
        Objects.requireNonNull(hmacKey, "hmacKey");
        newMac(hmacKey); // fail at start-up on an unusable key, not on the first lookup
        this.macs = ThreadLocal.withInitial(() -> newMac(hmacKey));
    }

    /** HMAC-SHA256 over UTF-8(domain) || 0x00 || UTF-8(value); 32 bytes. */
    public byte[] digest(String domain, String normalizedValue) {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(normalizedValue, "normalizedValue");
        // A NUL inside the domain would make the separator ambiguous ("a\0b"+"c" vs "a"+"b\0c").
        if (domain.isEmpty() || domain.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("blind index domain must be non-empty and contain no NUL character");
        }
        Mac mac = macs.get();
        mac.update(domain.getBytes(StandardCharsets.UTF_8));
        mac.update(DOMAIN_SEPARATOR);
        mac.update(normalizedValue.getBytes(StandardCharsets.UTF_8));
        return mac.doFinal();
    }

    private static Mac newMac(SecretKey key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("blind index key is not usable for " + ALGORITHM, e);
        }
    }
}
