package org.civis.auth.otp;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.civis.core.keys.OwnerOnlyFiles;

/**
 * Development channel: appends each message as a JSON line to {@code outbox/otp.jsonl} in the data
 * directory, where a developer (or a test) reads the code. Never for production: the file holds
 * live codes.
 */
public final class OutboxChannel implements NotificationChannel {
    private final Path file;
    private final Vertx vertx;
    private final Clock clock;

    public OutboxChannel(Path file, Vertx vertx, Clock clock) {
        this.file = file;
        this.vertx = vertx;
        this.clock = clock;
    }

    @Override
    public Future<Void> send(OtpMessage message) {
        String line = new JsonObject()
                        .put("at", clock.instant().toString())
                        .put("channel", message.channel().name())
                        .put("to", message.to())
                        .put("text", message.text())
                        .encode()
                + "\n";
        return vertx.executeBlocking(
                () -> {
                    append(line);
                    return null;
                },
                true);
    }

    private synchronized void append(String line) throws IOException {
        // 0600 in a 0700 directory: the file holds live codes.
        OwnerOnlyFiles.appendPrivately(file, line.getBytes(StandardCharsets.UTF_8));
    }
}
