package org.civis.server.web;

import io.vertx.core.http.HttpServerResponse;

/**
 * The headers every page and every asset carries. No inline script or style can run (a reflected
 * value could not become code), no other site may frame a page (clickjacking of the consent
 * button), and a page names no referrer, so the query of a sign-in never reaches another site.
 * There is no {@code form-action}: Chrome applies it to the redirect back to the client too.
 */
public final class SecurityHeaders {
    public static final String PAGE_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
            + "script-src 'self'; base-uri 'none'; frame-ancestors 'none'";

    private SecurityHeaders() {}

    /** A page: never stored by a cache, because it carries the sign-in's CSRF token. */
    public static void page(HttpServerResponse response) {
        common(response);
        response.putHeader("Content-Security-Policy", PAGE_POLICY).putHeader("Cache-Control", "no-store");
    }

    /** A static asset: cacheable (the caller says how long), never sniffed into another type. */
    public static void asset(HttpServerResponse response) {
        common(response);
        response.putHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }

    private static void common(HttpServerResponse response) {
        response.putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer")
                // For browsers older than frame-ancestors.
                .putHeader("X-Frame-Options", "DENY");
    }
}
