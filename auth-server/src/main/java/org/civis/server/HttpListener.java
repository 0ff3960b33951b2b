package org.civis.server;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.Http2Settings;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.civis.server.config.HttpSettings;
import org.civis.server.tls.CertificateReload;
import org.civis.server.tls.ListenerTls;
import org.civis.server.tls.TlsFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP listener on one event loop. The server deploys several instances per listener; Vert.x
 * spreads the connections of a shared port across them. Every connection is bounded: silent for
 * the idle timeout, it is closed; its headers are capped; over HTTP/2, so are its concurrent
 * streams (each body is bounded by the routes' limits and the node's body budget, and by the
 * request timeout).
 */
final class HttpListener extends VerticleBase {
    /** Streams one HTTP/2 connection may have open at once; more parallelism takes more connections. */
    static final int MAX_CONCURRENT_STREAMS = 32;

    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(HttpListener.class);

    private final String name;
    private final String host;
    private final int port;
    private final Optional<TlsFiles> tls;
    private final HttpSettings settings;
    private final Supplier<Router> routes;
    private CertificateReload reload;

    HttpListener(
            String name,
            String host,
            int port,
            Optional<TlsFiles> tls,
            HttpSettings settings,
            Supplier<Router> routes) {
        this.name = name;
        this.host = host;
        this.port = port;
        this.tls = tls;
        this.settings = settings;
        this.routes = routes;
    }

    @Override
    public Future<?> start() {
        HttpServerOptions options = new HttpServerOptions()
                .setHost(host)
                .setPort(port)
                .setCompressionSupported(true)
                .setMaxInitialLineLength(8 * 1024)
                .setMaxHeaderSize(MAX_HEADER_BYTES)
                .setIdleTimeout((int) settings.idleTimeout().toMillis())
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setInitialSettings(new Http2Settings()
                        .setMaxConcurrentStreams(MAX_CONCURRENT_STREAMS)
                        .setMaxHeaderListSize(MAX_HEADER_BYTES));
        tls.ifPresent(files -> ListenerTls.apply(options, files));
        HttpServer server = vertx.createHttpServer(options)
                .requestHandler(routes.get())
                // A client that resets or drops its connection is routine: one line, no stack trace.
                .exceptionHandler(e -> LOG.debug(
                        "{} listener: connection failed: {}", name, e.getClass().getSimpleName()));
        Future<HttpServer> listening = server.listen();
        if (tls.isEmpty()) {
            return listening;
        }
        return listening
                .compose(
                        started -> CertificateReload.start(vertx, started, tls.get(), name, settings.tlsReloadPeriod()))
                .onSuccess(watching -> reload = watching);
    }

    @Override
    public Future<?> stop() {
        if (reload != null) {
            reload.close();
        }
        return Future.succeededFuture();
    }
}
