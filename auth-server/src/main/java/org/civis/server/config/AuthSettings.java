package org.civis.server.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The auth settings of {@link CivisConfig}: how far a request time may be from the server's, how
 * one-time passwords behave and are delivered, how many codes one client address may ask the
 * resident portal for (and which proxies may name that address), how long a resident session
 * lasts, and how the auth cache is filled and how much of it each node keeps near.
 */
public record AuthSettings(
        Duration requestTimeWindow,
        Duration otpTtl,
        int otpAttempts,
        int otpMaxRequests,
        Duration otpRequestWindow,
        OtpDelivery otpDelivery,
        Optional<URI> otpWebhook,
        int residentOtpPerAddress,
        Duration residentOtpAddressWindow,
        Set<String> trustedProxies,
        Duration residentSessionLifetime,
        boolean warmCacheAtStart,
        int nearCacheEntries) {

    /** Where codes go: a file in the data directory (development) or a gateway's webhook. */
    public enum OtpDelivery {
        OUTBOX,
        WEBHOOK
    }

    public AuthSettings {
        trustedProxies = Set.copyOf(trustedProxies);
        if (otpDelivery == OtpDelivery.WEBHOOK && otpWebhook.isEmpty()) {
            throw new IllegalArgumentException("CIVIS_OTP_CHANNEL=webhook needs CIVIS_OTP_WEBHOOK_URL");
        }
    }
}
