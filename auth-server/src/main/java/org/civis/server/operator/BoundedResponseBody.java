package org.civis.server.operator;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;
import io.vertx.ext.web.codec.BodyCodec;
import io.vertx.ext.web.codec.spi.BodyStream;

/**
 * A response body codec that keeps at most {@code limit} bytes: a longer body fails the response
 * instead of filling memory. WebClient's own codecs buffer whatever the server sends.
 */
final class BoundedResponseBody implements BodyCodec<Buffer> {
    private final int limit;

    BoundedResponseBody(int limit) {
        this.limit = limit;
    }

    @Override
    public BodyStream<Buffer> stream() {
        return new Stream(limit);
    }

    private static final class Stream implements BodyStream<Buffer> {
        private final int limit;
        private final Buffer body = Buffer.buffer();
        private final Promise<Buffer> result = Promise.promise();

        Stream(int limit) {
            this.limit = limit;
        }

        @Override
        public Future<Buffer> result() {
            return result.future();
        }

        @Override
        public void handle(Throwable failure) {
            result.tryFail(failure);
        }

        @Override
        public Future<Void> write(Buffer data) {
            if (result.future().isComplete()) {
                return Future.succeededFuture(); // already refused: the rest is dropped unread
            }
            if (body.length() + data.length() > limit) {
                result.tryFail(new IllegalStateException("response body larger than " + limit + " bytes"));
                return Future.succeededFuture();
            }
            body.appendBuffer(data);
            return Future.succeededFuture();
        }

        @Override
        public Future<Void> end() {
            result.tryComplete(body);
            return Future.succeededFuture();
        }

        @Override
        public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
            return this;
        }

        @Override
        public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
            return this;
        }

        @Override
        public boolean writeQueueFull() {
            return false;
        }

        @Override
        public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
            return this;
        }
    }
}
