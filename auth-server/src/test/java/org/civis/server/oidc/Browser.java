package org.civis.server.oidc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A resident's browser without the browser: plain HTTP to the pages, no redirect followed, the
 * sign-in cookie kept by hand (a {@code __Host-} cookie is Secure, and the test server is http).
 */
final class Browser {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final URI base;
    private String cookie = "";

    Browser(URI base) {
        this.base = base;
    }

    /** Carries on the sign-in another browser (here: another node's address) began. */
    void adopt(Browser other) {
        cookie = other.cookie;
    }

    record Page(int status, String body, Optional<URI> location) {
        String csrf() {
            Matcher m = CSRF.matcher(body);
            if (!m.find()) {
                throw new AssertionError("no form on this page: " + status + " " + body);
            }
            return m.group(1);
        }
    }

    Page get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    Page post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Page send(HttpRequest.Builder request) {
        if (!cookie.isEmpty()) {
            request.header("Cookie", cookie);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("__Host-civis-signin="))
                    .findFirst()
                    .ifPresent(c -> cookie = c.split(";", 2)[0]);
            return new Page(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Location").map(URI::create));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
