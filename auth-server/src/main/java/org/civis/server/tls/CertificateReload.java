package org.civis.server.tls;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.file.FileProps;
import io.vertx.core.file.FileSystem;
import io.vertx.core.http.HttpServer;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at a listener's certificate and key files periodically and reloads them into the running
 * server when either changed, so a renewed certificate is served without a restart. Open
 * connections keep the certificate they were made with. A pair that cannot be loaded (for example
 * a key written before its certificate) leaves the previous one in use and is retried on the next
 * look; replace both files by renaming them into place to avoid that window.
 */
public final class CertificateReload implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CertificateReload.class);

    private final Vertx vertx;
    private final HttpServer server;
    private final TlsFiles files;
    private final String listener;
    private final long timer;
    private List<Long> loaded;
    private boolean checking;

    private CertificateReload(Vertx vertx, HttpServer server, TlsFiles files, String listener, Duration period) {
        this.vertx = vertx;
        this.server = server;
        this.files = files;
        this.listener = listener;
        this.timer = vertx.setPeriodic(period.toMillis(), id -> check());
    }

    /** Starts watching the files the server was started with; closing the result stops it. */
    public static Future<CertificateReload> start(
            Vertx vertx, HttpServer server, TlsFiles files, String listener, Duration period) {
        CertificateReload reload = new CertificateReload(vertx, server, files, listener, period);
        return reload.modified().map(times -> {
            reload.loaded = times;
            return reload;
        });
    }

    private void check() {
        if (checking || loaded == null) {
            return;
        }
        checking = true;
        modified()
                .compose(times -> times.equals(loaded)
                        ? Future.succeededFuture(false)
                        : server.updateSSLOptions(ListenerTls.sslOptions(files), true)
                                .map(updated -> {
                                    loaded = times;
                                    LOG.info("{} listener: TLS certificate reloaded", listener);
                                    return updated;
                                }))
                .onFailure(e -> LOG.warn(
                        "{} listener: the TLS files could not be reloaded ({}); the previous certificate stays in use",
                        listener,
                        e.getClass().getSimpleName()))
                .onComplete(done -> checking = false);
    }

    private Future<List<Long>> modified() {
        FileSystem fs = vertx.fileSystem();
        return Future.all(
                        fs.props(files.certificateChain().toString()),
                        fs.props(files.privateKey().toString()))
                .map(both -> {
                    FileProps chain = both.resultAt(0);
                    FileProps key = both.resultAt(1);
                    return List.of(chain.lastModifiedTime(), chain.size(), key.lastModifiedTime(), key.size());
                });
    }

    @Override
    public void close() {
        vertx.cancelTimer(timer);
    }
}
