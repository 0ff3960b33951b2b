package org.civis.server.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The pages' cookies. The sign-in cookie holds the only copy of a sign-in's handle outside the
 * cluster: {@code __Host-} makes the browser refuse it unless it is Secure, on {@code Path=/} and
 * for this host only; HttpOnly keeps it from script; SameSite=Strict keeps another site's form
 * from posting with it. The language cookie holds a choice, no secret.
 */
public final class Cookies {
    public static final String SIGN_IN = "__Host-civis-signin";
    public static final String LANGUAGE = "civis-lang";

    private static final Duration LANGUAGE_KEPT = Duration.ofDays(365);

    private Cookies() {}

    /** Sets the sign-in cookie, to last as long as the sign-in does. */
    public static void setSignIn(HttpServerResponse response, String handle, Duration lifetime) {
        response.addCookie(hostOnly(SIGN_IN, handle)
                .setSameSite(CookieSameSite.STRICT)
                .setMaxAge(Math.max(0, lifetime.toSeconds())));
    }

    /** Tells the browser to drop the sign-in cookie (same attributes, or a {@code __Host-} cookie is not replaced). */
    public static void clearSignIn(HttpServerResponse response) {
        response.addCookie(
                hostOnly(SIGN_IN, "").setSameSite(CookieSameSite.STRICT).setMaxAge(0));
    }

    public static Optional<String> signIn(HttpServerRequest request) {
        return value(request, SIGN_IN);
    }

    /**
     * Remembers a language choice. Lax, not Strict: the choice should hold when the resident
     * arrives from a client's site.
     */
    public static void setLanguage(HttpServerResponse response, String language) {
        response.addCookie(
                hostOnly(LANGUAGE, language).setSameSite(CookieSameSite.LAX).setMaxAge(LANGUAGE_KEPT.toSeconds()));
    }

    public static Optional<String> language(HttpServerRequest request) {
        return value(request, LANGUAGE);
    }

    private static Cookie hostOnly(String name, String value) {
        return Cookie.cookie(name, value).setPath("/").setSecure(true).setHttpOnly(true);
    }

    private static Optional<String> value(HttpServerRequest request, String name) {
        Cookie cookie = request.getCookie(name);
        return cookie == null || cookie.getValue().isEmpty() ? Optional.empty() : Optional.of(cookie.getValue());
    }
}
