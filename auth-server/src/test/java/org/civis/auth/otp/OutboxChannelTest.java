package org.civis.auth.otp;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxChannelTest {

    @Test
    void theOutboxHoldsLiveCodesSoOnlyThisAccountCanReadIt(@TempDir Path dataDir) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Path file = dataDir.resolve("outbox").resolve("otp.jsonl");
            OutboxChannel outbox = new OutboxChannel(file, vertx, Clock.systemUTC());

            outbox.send(new OtpMessage(ContactChannel.values()[0], "+254700000001", "code 123456"))
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);

            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.getPosixFilePermissions(file.getParent()))
                    .isEqualTo(PosixFilePermissions.fromString("rwx------"));
            assertThat(Files.readString(file)).contains("123456");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }
}
