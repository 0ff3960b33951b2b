package org.civis.server.tls;

import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.ServerSSLOptions;
import java.util.List;
import java.util.Set;

/**
 * The TLS settings every Civis listener uses: TLS 1.2 and 1.3 only (older versions have known
 * weaknesses and no client that may call Civis needs them), HTTP/2 preferred over HTTP/1.1 by ALPN.
 */
public final class ListenerTls {
    /** The protocol versions a listener accepts. */
    public static final Set<String> PROTOCOLS = Set.of("TLSv1.2", "TLSv1.3");

    private static final List<HttpVersion> ALPN = List.of(HttpVersion.HTTP_2, HttpVersion.HTTP_1_1);

    private ListenerTls() {}

    /** Makes {@code options} serve TLS with the identity in {@code files}. */
    public static HttpServerOptions apply(HttpServerOptions options, TlsFiles files) {
        return options.setSsl(true)
                .setKeyCertOptions(keyCert(files))
                .setEnabledSecureTransportProtocols(PROTOCOLS)
                .setUseAlpn(true)
                .setAlpnVersions(ALPN);
    }

    /** The same settings as a whole, for {@code HttpServer.updateSSLOptions} when the files changed. */
    static ServerSSLOptions sslOptions(TlsFiles files) {
        return new ServerSSLOptions()
                .setKeyCertOptions(keyCert(files))
                .setEnabledSecureTransportProtocols(PROTOCOLS)
                .setUseAlpn(true)
                .setApplicationLayerProtocols(
                        ALPN.stream().map(HttpVersion::alpnName).toList());
    }

    private static PemKeyCertOptions keyCert(TlsFiles files) {
        return new PemKeyCertOptions()
                .setCertPath(files.certificateChain().toString())
                .setKeyPath(files.privateKey().toString());
    }
}
