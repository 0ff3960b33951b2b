package org.civis.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.civis.server.CivisServer;
import org.civis.server.HttpClientForTests;
import org.civis.server.HttpClientForTests.Reply;
import org.civis.server.RawConnection;
import org.civis.server.TestServers;
import org.civis.server.config.ConfigLoader;
import org.civis.server.partnerapi.AuthTestbed;
import org.civis.server.partnerapi.TestPartner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Clients that declare large bodies and stall, trickle them, or send bodies where none belong,
 * against a real server with short timeouts: memory, readiness and connections stay bounded.
 */
class BoundedRequestsTest {
    private static final int MB = 1024 * 1024;
    private static final int LARGE_LIMIT = 4 * MB;
    private static final int BUFFERED_LIMIT = 24 * MB;
    private static final int WAIT_MS = 20_000;

    private static CivisServer server;
    private static HttpClientForTests admin;
    private static HttpClientForTests publicApi;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> env = TestServers.environment(Files.createTempDirectory("civis-bounded-test"));
        env.put("CIVIS_MAX_BODY_BYTES", String.valueOf(LARGE_LIMIT));
        env.put("CIVIS_MAX_BUFFERED_BODY_BYTES", String.valueOf(BUFFERED_LIMIT));
        env.put("CIVIS_HTTP_REQUEST_TIMEOUT_SECONDS", "3");
        env.put("CIVIS_HTTP_IDLE_TIMEOUT_SECONDS", "4");
        server = CivisServer.start(ConfigLoader.load(env));
        admin = TestServers.adminClient(server);
        publicApi = new HttpClientForTests("http://127.0.0.1:" + server.config().publicPort());
    }

    /** An authenticated operator's upload: an anonymous one is refused before its body is read. */
    private static String operatorHeader() {
        return "Authorization: Bearer " + TestServers.operatorToken(server.config());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void stalledUploadsAreClosedWhileHeapAndReadinessHold() {
        // Given 60 enrollments each declaring 4 MB, sending 3.5 MB and then stalling (210 MB in all)
        long before = usedHeapAfterGc();
        byte[] part = new byte[7 * MB / 2];
        List<RawConnection> stalled = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            RawConnection connection = RawConnection.open(server.config().adminPort())
                    .head("POST", "/v1/enrollments", LARGE_LIMIT, operatorHeader());
            connection.tryWrite(part);
            stalled.add(connection);
        }

        // Then the server never holds more than its body budget (allowing for buffer growth and
        // noise), looked at several times while it reads what the kernel buffered
        long peak = 0;
        for (int sample = 0; sample < 6; sample++) {
            peak = Math.max(peak, usedHeapAfterGc() - before);
        }
        assertThat(peak).as("peak heap held, MB: %d", peak / MB).isLessThan(2L * BUFFERED_LIMIT + 64L * MB);
        // and keeps answering
        assertThat(publicApi.get("/health/ready").status()).isEqualTo(200);

        // and closes every one of them: those over the budget at once, the others at the timeout
        List<String> answers = new ArrayList<>();
        for (RawConnection connection : stalled) {
            answers.add(connection.untilClosed(WAIT_MS));
            connection.close();
        }
        assertThat(answers)
                .anySatisfy(
                        answer -> assertThat(answer).startsWith("HTTP/1.1 503").contains("SERVER_BUSY"));
        assertThat(answers).allSatisfy(answer -> assertThat(answer)
                .satisfiesAnyOf(
                        closedSilently -> assertThat(closedSilently).isEmpty(),
                        busy -> assertThat(busy).startsWith("HTTP/1.1 503"),
                        late -> assertThat(late).startsWith("HTTP/1.1 408").contains("REQUEST_TIMEOUT")));
        assertThat(admin.get("/health/ready").status()).isEqualTo(200);
    }

    @Test
    void aBodyTrickledSlowerThanTheRequestTimeoutIsCut() throws Exception {
        // Given a client that sends a small declared body one byte every 200 ms (never idle)
        try (RawConnection slow =
                RawConnection.open(server.config().publicPort()).head("POST", "/v1/resident/otp", 1000)) {
            AtomicBoolean open = new AtomicBoolean(true);
            Thread trickle = new Thread(() -> {
                for (int i = 0; i < 1000 && open.get(); i++) {
                    open.set(slow.tryWrite(new byte[] {' '}));
                    sleep(200);
                }
            });
            trickle.start();

            // Then the server answers 408 and closes before the body could ever be complete
            String answer = slow.untilClosed(WAIT_MS);
            open.set(false);
            trickle.join();
            assertThat(answer).startsWith("HTTP/1.1 408").contains("REQUEST_TIMEOUT");
        }
    }

    @Test
    void aDeclaredLengthOverTheRouteLimitIsRefusedBeforeTheBodyIsSent() {
        // A resident OTP request takes a small JSON body: 1 MB is refused from the head alone
        try (RawConnection expecting = RawConnection.open(server.config().publicPort())
                .head("POST", "/v1/resident/otp", MB, "Expect: 100-continue")) {
            assertThat(expecting.firstLine(WAIT_MS)).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
            assertThat(expecting.untilClosed(WAIT_MS)).contains("BODY_TOO_LARGE");
        }
        try (RawConnection plain =
                RawConnection.open(server.config().publicPort()).head("POST", "/v1/resident/otp", MB)) {
            assertThat(plain.firstLine(WAIT_MS)).startsWith("HTTP/1.1 413");
            assertThat(plain.untilClosed(WAIT_MS)).contains("BODY_TOO_LARGE");
        }
    }

    @Test
    void aBodyWhereNoneBelongsIsRefusedAndChangesNothing() {
        // Given an active partner
        TestPartner partner = TestPartner.create("quiet-bank", false);
        assertThat(admin.post("/v1/partners", partner.registration(AuthTestbed.policy("DEMO")))
                        .status())
                .isEqualTo(201);

        // When its suspension is posted with a body
        Reply refused = admin.post("/v1/partners/quiet-bank/suspend", new JsonObject());

        // Then it is refused and the partner stays active; without a body it is suspended
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.errorCode()).isEqualTo("BODY_NOT_ALLOWED");
        assertThat(admin.get("/v1/partners/quiet-bank").json().getString("status"))
                .isEqualTo("ACTIVE");
        assertThat(admin.post("/v1/partners/quiet-bank/suspend", "", null).status())
                .isEqualTo(200);
        assertThat(admin.get("/v1/partners/quiet-bank").json().getString("status"))
                .isEqualTo("SUSPENDED");
    }

    @Test
    void anAbandonedUploadLeavesNoErrorAndNoStackTraceInTheLog() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(log);
        try {
            // Given a client that sends half an enrollment and then drops the connection
            RawConnection.open(server.config().adminPort())
                    .head("POST", "/v1/enrollments", 2 * MB, operatorHeader())
                    .write(new byte[MB])
                    .reset();

            // Then the server goes on, and what it logged of this is at most a line without a stack trace
            sleep(500);
            assertThat(admin.get("/health/ready").status()).isEqualTo(200);
        } finally {
            root.detachAppender(log);
        }
        List<ILoggingEvent> ours = log.list.stream()
                .filter(event -> event.getLoggerName().startsWith("org.civis")
                        || event.getLoggerName().startsWith("io.vertx")
                        || event.getLoggerName().startsWith("io.netty"))
                .toList();
        assertThat(ours).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.WARN));
        assertThat(ours).noneMatch(event -> event.getThrowableProxy() != null);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
