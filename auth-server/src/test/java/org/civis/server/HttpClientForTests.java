package org.civis.server;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A small blocking HTTP client for tests, speaking JSON. */
public final class HttpClientForTests {
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final Map<String, String> defaultHeaders;

    public HttpClientForTests(String base) {
        this(base, Map.of());
    }

    private HttpClientForTests(String base, Map<String, String> defaultHeaders) {
        this.base = base;
        this.defaultHeaders = Map.copyOf(defaultHeaders);
    }

    /** This client sending {@code name: value} on every request (a request's own headers win). */
    public HttpClientForTests withHeader(String name, String value) {
        Map<String, String> headers = new java.util.HashMap<>(defaultHeaders);
        headers.put(name, value);
        return new HttpClientForTests(base, headers);
    }

    /** This client without the headers it sends by default: an anonymous caller. */
    public HttpClientForTests anonymous() {
        return new HttpClientForTests(base);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        defaultHeaders.forEach(request::setHeader);
        return request;
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    public Reply post(String path, JsonObject body) {
        return post(path, body.encode(), "application/json");
    }

    public Reply post(String path, String body, String contentType) {
        HttpRequest.Builder request = request(path).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("content-type", contentType);
        }
        return send(request);
    }

    /** A request with extra headers; {@code body} null sends none. */
    public Reply send(String method, String path, String body, String contentType, Map<String, String> headers) {
        HttpRequest.Builder request = request(path)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("content-type", contentType);
        }
        headers.forEach(request::setHeader);
        return send(request);
    }

    /**
     * A request whose target is sent byte for byte as given, which java.net.http refuses to do for a
     * malformed target such as {@code /v1/x/%ZZ}; the answer must not be chunked.
     */
    public Reply sendRawTarget(String method, String target) {
        URI uri = URI.create(base);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            StringBuilder request =
                    new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n");
            defaultHeaders.forEach((name, value) ->
                    request.append(name).append(": ").append(value).append("\r\n"));
            request.append("Content-Length: 0\r\nConnection: close\r\n\r\n");
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int headEnd = answer.indexOf("\r\n\r\n");
            String head = answer.substring(0, headEnd);
            String contentType = head.lines()
                    .filter(line -> line.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:"))
                    .map(line -> line.substring("content-type:".length()).trim())
                    .findFirst()
                    .orElse(null);
            return new Reply(Integer.parseInt(head.split(" ")[1]), answer.substring(headEnd + 4), contentType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Reply patch(String path, JsonObject body) {
        return send(request(path)
                .header("content-type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body.encode())));
    }

    /** A GET whose answer is kept as bytes (images, CBOR), with its headers. */
    public BinaryReply getBytes(String path) {
        return sendForBytes(request(path).GET());
    }

    /** A POST with an optional JSON body whose answer is kept as bytes. */
    public BinaryReply postForBytes(String path, JsonObject body) {
        HttpRequest.Builder request = request(path)
                .POST(
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body.encode()));
        if (body != null) {
            request.header("content-type", "application/json");
        }
        return sendForBytes(request);
    }

    private BinaryReply sendForBytes(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = client.send(
                    request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
            return new BinaryReply(
                    response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("content-type").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Status, raw body and headers of a response. */
    public record BinaryReply(int status, byte[] body, Map<String, java.util.List<String>> headers) {
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        /** The body read as a JSON object (an error answer, for example). */
        public JsonObject json() {
            return new JsonObject(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }

        public Reply asText() {
            return new Reply(
                    status, new String(body, java.nio.charset.StandardCharsets.ISO_8859_1), header("content-type"));
        }
    }

    /** Status, body and Content-Type (null when absent) of a response. */
    public record Reply(int status, String body, String contentType) {
        public JsonObject json() {
            return new JsonObject(body);
        }

        public String errorCode() {
            return json().getJsonObject("error").getString("code");
        }
    }
}
