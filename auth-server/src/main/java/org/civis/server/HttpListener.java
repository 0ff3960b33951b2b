package org.civis.server;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.function.Supplier;

/**
 * One HTTP listener on one event loop. The server deploys several instances per listener; Vert.x
 * spreads the connections of a shared port across them.
 */
final class HttpListener extends VerticleBase {
    private final String host;
    private final int port;
    private final Supplier<Router> routes;

    HttpListener(String host, int port, Supplier<Router> routes) {
        this.host = host;
        this.port = port;
        this.routes = routes;
    }

    @Override
    public Future<?> start() {
        HttpServerOptions options = new HttpServerOptions()
                .setHost(host)
                .setPort(port)
                .setCompressionSupported(true)
                .setMaxInitialLineLength(8 * 1024)
                .setMaxHeaderSize(16 * 1024);
        Future<HttpServer> listening =
                vertx.createHttpServer(options).requestHandler(routes.get()).listen();
        return listening;
    }
}
