package org.civis.auth.otp;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;

/**
 * Hands each message to an SMS/email gateway: {@code POST} of {@code {"channel","to","text"}} as
 * JSON to the configured URL. Any answer but 2xx fails the delivery.
 */
public final class WebhookChannel implements NotificationChannel {
    private final WebClient client;
    private final URI url;

    public WebhookChannel(WebClient client, URI url) {
        this.client = client;
        this.url = url;
    }

    @Override
    public Future<Void> send(OtpMessage message) {
        JsonObject body = new JsonObject()
                .put("channel", message.channel().name())
                .put("to", message.to())
                .put("text", message.text());
        return client.requestAbs(io.vertx.core.http.HttpMethod.POST, url.toString())
                .timeout(10_000)
                .sendJsonObject(body)
                .compose(response -> response.statusCode() / 100 == 2
                        ? Future.succeededFuture()
                        : Future.failedFuture(new IllegalStateException(
                                "the notification gateway answered HTTP " + response.statusCode())));
    }
}
