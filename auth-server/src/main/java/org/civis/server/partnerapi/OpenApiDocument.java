package org.civis.server.partnerapi;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves the OpenAPI 3 description of the partner, resident and admin APIs at {@code /openapi.json}. */
public final class OpenApiDocument {
    public static final String RESOURCE = "/org/civis/server/openapi.json";

    private OpenApiDocument() {}

    public static void mount(Router router) {
        Buffer document = load();
        router.get("/openapi.json").handler(ctx -> ctx.response()
                .putHeader("content-type", "application/json")
                .end(document));
    }

    private static Buffer load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document is missing from the build");
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
