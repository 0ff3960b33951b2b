package org.civis.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Http2Settings;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.PemTrustOptions;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.civis.server.CivisServer;
import org.civis.server.RawConnection;
import org.civis.server.TestServers;
import org.civis.server.config.ConfigLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Both listeners of a real server speaking TLS from PEM files made in the test. */
class TlsListenerTest {
    private static final SelfSignedCertificate PUBLIC = SelfSignedCertificate.create("public.civis.test");
    private static final SelfSignedCertificate ADMIN = SelfSignedCertificate.create("admin.civis.test");
    private static final SelfSignedCertificate RENEWED = SelfSignedCertificate.create("renewed.civis.test");

    private static Path certificateFile;
    private static Path keyFile;
    private static CivisServer server;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("civis-tls-test");
        certificateFile = dir.resolve("public.crt");
        keyFile = dir.resolve("public.key");
        PUBLIC.writeTo(certificateFile, keyFile, Instant.now().minusSeconds(60));
        ADMIN.writeTo(
                dir.resolve("admin.crt"),
                dir.resolve("admin.key"),
                Instant.now().minusSeconds(60));
        Map<String, String> env = TestServers.environment(dir.resolve("data"));
        env.put("CIVIS_PUBLIC_TLS_CERT", certificateFile.toString());
        env.put("CIVIS_PUBLIC_TLS_KEY", keyFile.toString());
        env.put("CIVIS_ADMIN_TLS_CERT", dir.resolve("admin.crt").toString());
        env.put("CIVIS_ADMIN_TLS_KEY", dir.resolve("admin.key").toString());
        env.put("CIVIS_TLS_RELOAD_SECONDS", "1");
        server = CivisServer.start(ConfigLoader.load(env));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void bothListenersServeHttpsAndNegotiateHttp2ByAlpn() throws Exception {
        HttpResponse<String> publicAnswer = get(server.config().publicPort(), "/health/ready");
        assertThat(publicAnswer.statusCode()).isEqualTo(200);
        assertThat(publicAnswer.version()).isEqualTo(HttpClient.Version.HTTP_2);

        HttpResponse<String> adminAnswer = get(server.config().adminPort(), "/health/live");
        assertThat(adminAnswer.statusCode()).isEqualTo(200);
        assertThat(adminAnswer.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(peerSerial(adminAnswer)).isEqualTo(ADMIN.certificate().getSerialNumber());
    }

    @Test
    void http2BoundsStreamsAndHeadersPerConnection() {
        Vertx vertx = Vertx.vertx();
        try {
            HttpClientAgent client = vertx.createHttpClient(new HttpClientOptions()
                    .setProtocolVersion(HttpVersion.HTTP_2)
                    .setSsl(true)
                    .setUseAlpn(true)
                    .setTrustOptions(new PemTrustOptions()
                            .addCertValue(Buffer.buffer(PUBLIC.certificatePem()))
                            .addCertValue(Buffer.buffer(RENEWED.certificatePem()))));
            Http2Settings settings = client.request(
                            HttpMethod.GET, server.config().publicPort(), "127.0.0.1", "/health/live")
                    .compose(request ->
                            request.send().map(response -> request.connection().remoteSettings()))
                    .await();
            assertThat(settings.getMaxConcurrentStreams()).isEqualTo(32);
            assertThat(settings.getMaxHeaderListSize()).isEqualTo(16 * 1024);
        } finally {
            vertx.close().await();
        }
    }

    @Test
    void theIssuerBaseUrlDefaultsToHttps() {
        assertThat(server.config().issuance().publicBaseUrl().getScheme()).isEqualTo("https");
    }

    @Test
    void tlsOlderThanOnePointTwoIsRefused() throws Exception {
        for (byte minor : new byte[] {0x01, 0x02}) { // TLS 1.0, TLS 1.1
            byte[] answer = helloAnswer(server.config().publicPort(), minor);
            // An alert (content type 21) with description protocol_version (70), never a ServerHello
            assertThat(answer).hasSizeGreaterThanOrEqualTo(7);
            assertThat(answer[0]).isEqualTo((byte) 21);
            assertThat(answer[6]).isEqualTo((byte) 70);
        }
    }

    @Test
    void plainHttpOnATlsPortGetsNoHttpAnswer() {
        try (RawConnection plain = RawConnection.open(server.config().adminPort())) {
            plain.write("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(plain.untilClosed(20_000)).doesNotStartWith("HTTP/");
        }
    }

    @Test
    void aReplacedCertificateIsServedWithoutRestart() throws Exception {
        assertThat(peerSerial(get(server.config().publicPort(), "/health/live")))
                .isEqualTo(PUBLIC.certificate().getSerialNumber());

        RENEWED.writeTo(certificateFile, keyFile, Instant.now());

        BigInteger served = null;
        for (int attempt = 0;
                attempt < 100 && !RENEWED.certificate().getSerialNumber().equals(served);
                attempt++) {
            Thread.sleep(200);
            served = peerSerial(get(server.config().publicPort(), "/health/live")); // a new client: a new handshake
        }
        assertThat(served).isEqualTo(RENEWED.certificate().getSerialNumber());
    }

    /** A GET over a new connection that trusts the test certificates only. */
    private static HttpResponse<String> get(int port, String path) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("public", PUBLIC.certificate());
        trusted.setCertificateEntry("admin", ADMIN.certificate());
        trusted.setCertificateEntry("renewed", RENEWED.certificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        HttpClient client = HttpClient.newBuilder()
                .sslContext(context)
                .version(HttpClient.Version.HTTP_2)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static BigInteger peerSerial(HttpResponse<?> response) throws Exception {
        X509Certificate peer =
                (X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0];
        return peer.getSerialNumber();
    }

    /**
     * Sends a minimal ClientHello offering only TLS 1.{@code minor - 1}, written by hand because the
     * JDK's own client would refuse to offer it, and returns what the server sends back.
     */
    private static byte[] helloAnswer(int port, byte minor) throws IOException {
        byte[] body = new byte[2 + 32 + 1 + 2 + 4 + 2];
        int i = 0;
        body[i++] = 0x03;
        body[i++] = minor;
        i += 32; // client random: zeros serve
        body[i++] = 0x00; // no session id
        body[i++] = 0x00;
        body[i++] = 0x04; // two cipher suites
        body[i++] = (byte) 0xc0;
        body[i++] = 0x09; // TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA
        body[i++] = 0x00;
        body[i++] = 0x2f; // TLS_RSA_WITH_AES_128_CBC_SHA
        body[i++] = 0x01; // one compression method: none
        body[i] = 0x00;
        byte[] record = new byte[5 + 4 + body.length];
        record[0] = 0x16; // handshake
        record[1] = 0x03;
        record[2] = minor;
        record[3] = (byte) ((4 + body.length) >> 8);
        record[4] = (byte) (4 + body.length);
        record[5] = 0x01; // ClientHello
        record[6] = 0x00;
        record[7] = (byte) (body.length >> 8);
        record[8] = (byte) body.length;
        System.arraycopy(body, 0, record, 9, body.length);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(record);
            InputStream in = socket.getInputStream();
            return in.readNBytes(7);
        }
    }
}
