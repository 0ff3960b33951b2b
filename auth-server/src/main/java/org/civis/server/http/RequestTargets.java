package org.civis.server.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Refuses a request whose path or query is not well-formed before any route reads it: every '%'
 * must start a two-hex-digit escape, the escapes must decode to UTF-8, and the decoded text must
 * hold no control character. Vert.x would otherwise throw while matching routes (and answer 500
 * through the router's error handler) or hand a NUL to a route as part of a path parameter.
 */
final class RequestTargets {
    private RequestTargets() {}

    /** The first handler of a router: PATH_MALFORMED, or on to the routes. */
    static void refuseMalformed(RoutingContext ctx) {
        if (isMalformed(ctx.request())) {
            ErrorResponses.send(ctx, ApiError.PATH_MALFORMED);
        } else {
            ctx.next();
        }
    }

    static boolean isMalformed(HttpServerRequest request) {
        return !isWellFormed(request.path()) || !isWellFormed(request.query());
    }

    /** True for null (no query) and for text whose escapes decode to UTF-8 without control characters. */
    static boolean isWellFormed(String raw) {
        if (raw == null) {
            return true;
        }
        ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 4);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return false;
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return false;
                }
                bytes.put((byte) (high << 4 | low));
                i += 2;
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            String decoded = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
            return decoded.chars().noneMatch(Character::isISOControl);
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
