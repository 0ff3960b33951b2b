package org.civis.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import org.civis.auth.otp.ContactChannel;
import org.civis.auth.otp.NotificationChannel;
import org.civis.auth.otp.OtpMessage;

/**
 * A notification channel that counts what it hands on: {@code civis_otp_sends_total{channel,
 * outcome}} ({@code sent} or {@code failed}) and {@code civis_otp_delivery_seconds{channel}}. The
 * contact and the text never reach a label.
 */
final class CountedOtpChannel implements NotificationChannel {
    private final NotificationChannel delegate;
    private final MeterRegistry registry;
    private final MeterProvider<Counter> sends;
    private final MeterProvider<Timer> delivery;

    CountedOtpChannel(NotificationChannel delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.registry = registry;
        this.sends = Counter.builder("civis.otp.sends")
                .description("One-time codes handed to the delivery channel, by channel and outcome")
                .withRegistry(registry);
        this.delivery = Timer.builder("civis.otp.delivery")
                .description("Time the delivery channel took to take a code")
                .withRegistry(registry);
    }

    @Override
    public Future<Void> send(OtpMessage message) {
        Timer.Sample started = Timer.start(registry);
        String channel = label(message.channel());
        return delegate.send(message).onComplete(done -> {
            started.stop(delivery.withTags("channel", channel));
            sends.withTags("channel", channel, "outcome", done.succeeded() ? "sent" : "failed")
                    .increment();
        });
    }

    private static String label(ContactChannel channel) {
        return switch (channel) {
            case PHONE -> "phone";
            case EMAIL -> "email";
        };
    }
}
