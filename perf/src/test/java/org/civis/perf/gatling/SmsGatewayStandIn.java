package org.civis.perf.gatling;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SMS gateway the server's {@code webhook} OTP channel posts to, played by the simulation on
 * loopback: it keeps the last code per phone number for the simulated resident to type in. The
 * only stand-in of the harness, at the one boundary Civis does not own.
 */
final class SmsGatewayStandIn implements AutoCloseable {
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final Map<String, String> codes = new ConcurrentHashMap<>();

    SmsGatewayStandIn(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + " for the OTP webhook", e);
        }
        server.createContext("/sms", exchange -> {
            try (exchange) {
                JsonObject message =
                        new JsonObject(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                Matcher code = CODE.matcher(message.getString("text", ""));
                if (code.find()) {
                    codes.put(message.getString("to"), code.group(1));
                }
                exchange.sendResponseHeaders(202, -1);
            }
        });
        server.setExecutor(threads);
        server.start();
    }

    /** The code last sent to this phone, taken (a code is usable once); null when none came. */
    String take(String phone) {
        return codes.remove(phone);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
