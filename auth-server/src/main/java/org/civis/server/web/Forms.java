package org.civis.server.web;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A page's form post ({@code application/x-www-form-urlencoded}), read from the body the router's
 * body limit already bounded. A form is small and flat: a few fields, each once, each short;
 * anything else is not a form of ours and is refused as a whole.
 */
public final class Forms {
    private static final int MAX_FIELDS = 8;
    private static final int MAX_VALUE_LENGTH = 512;

    private Forms() {}

    /** The fields by name, or empty when the body is not one of our forms. */
    public static Optional<Map<String, String>> read(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        if (type == null
                || !type.split(";", 2)[0].trim().equalsIgnoreCase("application/x-www-form-urlencoded")
                || ctx.body() == null
                || ctx.body().buffer() == null) {
            return Optional.empty();
        }
        String body = ctx.body().asString(StandardCharsets.UTF_8.name());
        Map<String, List<String>> decoded =
                new QueryStringDecoder(body, StandardCharsets.UTF_8, false, MAX_FIELDS + 1).parameters();
        if (decoded.size() > MAX_FIELDS) {
            return Optional.empty();
        }
        Map<String, String> fields = new HashMap<>();
        for (Map.Entry<String, List<String>> field : decoded.entrySet()) {
            if (field.getValue().size() != 1 || field.getValue().get(0).length() > MAX_VALUE_LENGTH) {
                return Optional.empty();
            }
            fields.put(field.getKey(), field.getValue().get(0));
        }
        return Optional.of(Map.copyOf(fields));
    }
}
