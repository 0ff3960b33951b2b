package org.civis.core.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * Keyed digests (HMAC-SHA256) of normalised values, so storage can find equal values without keeping them in
 * the clear. The domain names the field, so equal strings in different fields produce unrelated digests.
 * Thread-safe.
 */
public final class BlindIndex {

    private static final byte DOMAIN_SEPARATOR = 0x00;

    private final HmacPerThread macs;

    public BlindIndex(SecretKey hmacKey) {
        this.macs = new HmacPerThread(Objects.requireNonNull(hmacKey, "hmacKey"));
    }

    /** HMAC-SHA256 over UTF-8(domain) || 0x00 || UTF-8(value); 32 bytes. */
    public byte[] digest(String domain, String normalizedValue) {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(normalizedValue, "normalizedValue");
        // A NUL inside the domain would make the separator ambiguous ("a\0b"+"c" vs "a"+"b\0c").
        if (domain.isEmpty() || domain.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("blind index domain must be non-empty and contain no NUL character");
        }
        Mac mac = macs.mac();
        mac.update(domain.getBytes(StandardCharsets.UTF_8));
        mac.update(DOMAIN_SEPARATOR);
        mac.update(normalizedValue.getBytes(StandardCharsets.UTF_8));
        return mac.doFinal();
    }
}
