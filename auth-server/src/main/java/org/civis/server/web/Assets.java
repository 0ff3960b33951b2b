package org.civis.server.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The pages' static files, under {@code /assets/}, read once from the class path into memory (a
 * few kilobytes). Pages link each by a name that carries a digest of its content
 * ({@code civis.3f2a9c01d4.css}), served with a year's immutable caching: a changed file gets a new
 * name, so no browser keeps an old one. The plain name is served too, revalidated by ETag, for
 * anyone who links it by hand. Nothing from another origin: no CDN, no web fonts.
 */
public final class Assets {
    static final String PREFIX = "/assets/";
    private static final String RESOURCES = "org/civis/server/web/assets/";
    private static final List<String> FILES = List.of("civis.css");
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final Map<String, Asset> byPlainName;
    private final Map<String, Asset> byVersionedName;

    private Assets(List<Asset> assets) {
        this.byPlainName = assets.stream().collect(Collectors.toUnmodifiableMap(Asset::name, Function.identity()));
        this.byVersionedName =
                assets.stream().collect(Collectors.toUnmodifiableMap(Asset::versionedName, Function.identity()));
    }

    public static Assets load() {
        return new Assets(FILES.stream().map(Assets::read).toList());
    }

    /** The URL path a page links {@code name} by, e.g. {@code /assets/civis.3f2a9c01d4.css}. */
    public String url(String name) {
        Asset asset = byPlainName.get(name);
        if (asset == null) {
            throw new IllegalArgumentException("no asset " + name);
        }
        return PREFIX + asset.versionedName();
    }

    public void mount(Router router) {
        router.get(PREFIX + ":name").handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        Asset versioned = byVersionedName.get(name);
        Asset asset = versioned != null ? versioned : byPlainName.get(name);
        if (asset == null) {
            ctx.next(); // the router's 404
            return;
        }
        SecurityHeaders.asset(ctx.response());
        ctx.response()
                .putHeader("Cache-Control", versioned != null ? IMMUTABLE : "no-cache")
                .putHeader("ETag", asset.etag());
        if (asset.etag().equals(ctx.request().getHeader("If-None-Match"))) {
            ctx.response().setStatusCode(304).end();
            return;
        }
        ctx.response().putHeader("Content-Type", asset.contentType()).end(asset.content());
    }

    private static Asset read(String name) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("asset missing from the class path: " + name);
            }
            byte[] bytes = in.readAllBytes();
            String digest = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            int dot = name.lastIndexOf('.');
            String versionedName = name.substring(0, dot) + "." + digest.substring(0, 10) + name.substring(dot);
            return new Asset(name, versionedName, "\"" + digest.substring(0, 32) + "\"", contentType(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String contentType(String name) {
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        } else if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        } else if (name.endsWith(".svg")) {
            return "image/svg+xml";
        } else if (name.endsWith(".png")) {
            return "image/png";
        }
        throw new IllegalArgumentException("no content type known for " + name);
    }

    private record Asset(String name, String versionedName, String etag, String contentType, byte[] bytes) {
        Buffer content() {
            return Buffer.buffer(bytes);
        }
    }
}
