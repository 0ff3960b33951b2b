package org.civis.auth.otp;

import io.vertx.core.Future;

/** Delivers one-time codes: a file outbox for development, a webhook to a real SMS/email gateway. */
public interface NotificationChannel {
    Future<Void> send(OtpMessage message);
}
