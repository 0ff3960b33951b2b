package org.civis.server.http;

import java.util.Locale;

/**
 * Content-Type checks by exact media type (RFC 9110 section 8.3.1): the type and subtype compared
 * without regard to case, parameters such as {@code charset} allowed and ignored. A prefix is not a
 * match: {@code application/jsonx} is not JSON and {@code application/jose+json} is not a compact JWS.
 */
public final class MediaTypes {
    public static final String JSON = "application/json";
    public static final String JOSE = "application/jose";

    private MediaTypes() {}

    /** True when the {@code Content-Type} header value names exactly {@code mediaType}. */
    public static boolean is(String contentType, String mediaType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String essence = parameters < 0 ? contentType : contentType.substring(0, parameters);
        return essence.strip().toLowerCase(Locale.ROOT).equals(mediaType);
    }
}
