package org.civis.server;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The auth settings of {@link CivisConfig}: how far a request time may be from the server's, how
 * one-time passwords behave and are delivered, how often transactions are written, how long a
 * resident session lasts, and how the auth cache is filled and how much of it each node keeps near.
 */
public record AuthSettings(
        Duration requestTimeWindow,
        Duration otpTtl,
        int otpAttempts,
        int otpMaxRequests,
        Duration otpRequestWindow,
        OtpDelivery otpDelivery,
        Optional<URI> otpWebhook,
        Duration transactionFlushInterval,
        Duration residentSessionLifetime,
        boolean warmCacheAtStart,
        int nearCacheEntries) {

    /** Where codes go: a file in the data directory (development) or a gateway's webhook. */
    public enum OtpDelivery {
        OUTBOX,
        WEBHOOK
    }

    public AuthSettings {
        if (otpDelivery == OtpDelivery.WEBHOOK && otpWebhook.isEmpty()) {
            throw new IllegalArgumentException("CIVIS_OTP_CHANNEL=webhook needs CIVIS_OTP_WEBHOOK_URL");
        }
    }
}
