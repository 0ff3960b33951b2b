package org.civis.server.http;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.impl.RoutingContextInternal;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one request body into memory within a limit, the node's {@link BodyBudget} and a deadline.
 * A declared length over the limit is refused before a byte of the body is read (no 100-continue
 * is sent for it); a body without a declared length is cut when it passes the limit; a body that
 * is not complete by the deadline is cut too. After a refusal nothing more of the body is kept,
 * and the connection is closed. Must be the first handler of the request's route chain.
 */
final class BoundedBody implements Handler<RoutingContext> {
    private static final Logger LOG = LoggerFactory.getLogger(BoundedBody.class);

    private final long limit;
    private final BodyBudget budget;
    private final long timeoutMs;

    BoundedBody(long limit, BodyBudget budget, long timeoutMs) {
        this.limit = limit;
        this.budget = budget;
        this.timeoutMs = timeoutMs;
    }

    @Override
    public void handle(RoutingContext ctx) {
        RoutingContextInternal internal = (RoutingContextInternal) ctx;
        if (internal.seenHandler(RoutingContextInternal.BODY_HANDLER)) {
            ctx.next(); // a route-specific limit already read it
            return;
        }
        internal.visitHandler(RoutingContextInternal.BODY_HANDLER);
        HttpServerRequest request = ctx.request();
        if (request.isEnded()) {
            internal.setBody(Buffer.buffer());
            ctx.next();
            return;
        }
        long declared = declaredLength(request);
        if (declared > limit) {
            refuse(ctx, tooLarge());
            return;
        }
        if (request.version() != HttpVersion.HTTP_2
                && "100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            ctx.response().writeContinue();
        }
        new Reading(ctx).start();
    }

    private ApiError tooLarge() {
        return limit == 0 ? ApiError.BODY_NOT_ALLOWED : ApiError.BODY_TOO_LARGE;
    }

    /** The Content-Length, or -1 when none is declared (chunked or HTTP/2). */
    private static long declaredLength(HttpServerRequest request) {
        String header = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // the codec refuses these first; never buffer on a length we cannot read
        }
    }

    /**
     * Answers {@code error} and ends the exchange. The rest of the body is read and dropped while
     * the client may still be sending it (closing at once would make the kernel reset the
     * connection, and some clients would lose the answer); at the request timeout at the latest the
     * connection (HTTP/1) or the stream (HTTP/2) is closed.
     */
    private void refuse(RoutingContext ctx, ApiError error) {
        HttpServerRequest request = ctx.request();
        if (!request.isEnded()) {
            request.handler(dropped -> {}).exceptionHandler(dropped -> {}).resume();
        }
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        boolean http2 = request.version() == HttpVersion.HTTP_2;
        if (!http2) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        ErrorResponses.send(ctx, error);
        HttpConnection connection = request.connection();
        ctx.vertx().setTimer(timeoutMs, id -> {
            if (http2) {
                if (!request.isEnded()) {
                    ctx.response().reset();
                }
            } else {
                connection.close();
            }
        });
    }

    /** The state of one body being read; every callback runs on the request's event loop. */
    private final class Reading {
        private final RoutingContext ctx;
        /** The chunks as they came: one exact copy at the end, no doubling while a body grows. */
        private List<Buffer> chunks = new ArrayList<>();

        private long taken;
        private long timer = -1;
        private boolean done;

        Reading(RoutingContext ctx) {
            this.ctx = ctx;
        }

        void start() {
            HttpServerRequest request = ctx.request();
            ctx.addEndHandler(ended -> finish());
            timer = ctx.vertx().setTimer(timeoutMs, id -> {
                timer = -1;
                stop(ApiError.REQUEST_TIMEOUT);
            });
            request.handler(this::chunk);
            request.endHandler(ended -> complete());
            request.exceptionHandler(this::aborted);
            request.resume();
        }

        private void chunk(Buffer chunk) {
            if (done) {
                return;
            }
            if (taken + chunk.length() > limit) {
                stop(tooLarge());
            } else if (!budget.tryTake(chunk.length())) {
                stop(ApiError.SERVER_BUSY);
            } else {
                taken += chunk.length();
                chunks.add(chunk);
            }
        }

        private void complete() {
            if (done) {
                return;
            }
            cancelTimer();
            done = true;
            Buffer body = Buffer.buffer((int) taken);
            chunks.forEach(body::appendBuffer);
            chunks = null;
            ((RoutingContextInternal) ctx).setBody(body);
            ctx.next();
        }

        /** A reset or closed connection mid-body: nothing to answer, one line for whoever looks. */
        private void aborted(Throwable cause) {
            if (done) {
                return;
            }
            // The method only: the path may hold a UIN or VID.
            LOG.debug(
                    "{} request body abandoned by the client after {} bytes: {}",
                    ctx.request().method(),
                    taken,
                    cause.getClass().getSimpleName());
            finish();
        }

        private void stop(ApiError error) {
            if (done) {
                return;
            }
            finish();
            refuse(ctx, error);
        }

        /**
         * Gives the body's bytes back to the budget, once, whether the request succeeded or not, and
         * lets go of them: a refused connection lingers a while, and must not keep its partial body.
         */
        private void finish() {
            done = true;
            cancelTimer();
            budget.giveBack(taken);
            taken = 0;
            chunks = null;
        }

        private void cancelTimer() {
            if (timer != -1) {
                ctx.vertx().cancelTimer(timer);
                timer = -1;
            }
        }
    }
}
