package org.civis.core.crypto;

import java.security.GeneralSecurityException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * HMAC-SHA256 under one key for many threads. A {@link Mac} is stateful and not thread-safe; one per
 * thread keeps hot paths (blind indexes, tokens, cluster entry tags) free of locks and of
 * {@code Mac.getInstance}. An unusable key fails at construction, not on the first request.
 */
public final class HmacPerThread {
    private static final String ALGORITHM = "HmacSHA256";

    private final ThreadLocal<Mac> macs;

    public HmacPerThread(SecretKey key) {
        Objects.requireNonNull(key, "key");
        newMac(key);
        this.macs = ThreadLocal.withInitial(() -> newMac(key));
    }

    /** This thread's Mac, reset: feed it with {@code update} and finish with {@code doFinal}. */
    public Mac mac() {
        Mac mac = macs.get();
        mac.reset(); // a use that threw halfway must not leak into the next one
        return mac;
    }

    private static Mac newMac(SecretKey key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("key is not usable for " + ALGORITHM, e);
        }
    }
}
