package org.civis.auth.pseudonym;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.civis.auth.partner.PartnerId;
import org.civis.core.crypto.HmacPerThread;
import org.civis.core.id.Uin;

/**
 * Partner-specific pseudonyms for a resident: each partner gets a stable token it can use as its customer key, but
 * two partners cannot join their data on it and neither can recover the UIN. Token =
 * base64url(HMAC-SHA256(tokenKey, UTF-8(partnerId) || 0x00 || UTF-8(uin))), no padding. Thread-safe.
 */
public final class PseudonymousTokens {

    private static final byte SEPARATOR = 0x00;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final HmacPerThread macs;

    public PseudonymousTokens(SecretKey tokenKey) {
        this.macs = new HmacPerThread(Objects.requireNonNull(tokenKey, "tokenKey"));
    }

    /** The same partner and UIN always give the same 43-character token. */
    public String tokenFor(PartnerId partner, Uin uin) {
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(uin, "uin");
        // A partner id is never empty and holds no NUL (PartnerId's form), so the separator is unambiguous.
        Mac mac = macs.mac();
        mac.update(partner.value().getBytes(StandardCharsets.UTF_8));
        mac.update(SEPARATOR);
        mac.update(uin.value().getBytes(StandardCharsets.UTF_8));
        return BASE64URL.encodeToString(mac.doFinal());
    }
}
