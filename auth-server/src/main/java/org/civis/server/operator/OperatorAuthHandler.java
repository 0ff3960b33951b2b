package org.civis.server.operator;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.Set;
import org.civis.server.http.ApiError;
import org.civis.server.http.ErrorResponses;
import org.civis.server.operator.TokenCheck.Accepted;
import org.civis.server.operator.TokenCheck.KeysUnavailable;
import org.civis.server.operator.TokenCheck.Refused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits a request only with a valid operator bearer token (RFC 6750), and puts the {@link
 * Operator} in the routing context for the routes behind it ({@link #operator}). No token: 401
 * OPERATOR_TOKEN_MISSING; a bad one: 401 OPERATOR_TOKEN_INVALID with {@code error="invalid_token"};
 * keys that cannot be fetched: 503 OPERATOR_KEYS_UNAVAILABLE. The answer says no more than that, and
 * the log names only the reason, never the token or its claims (at debug: anyone who reaches the
 * port can send bad tokens, and a flood of them must not flood the log). Stateless: one instance serves every
 * router.
 */
public final class OperatorAuthHandler implements Handler<RoutingContext> {
    /** The realm in {@code WWW-Authenticate}: names the API, as RFC 6750 suggests. */
    static final String REALM = "civis-admin";

    private static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    private static final String OPERATOR_KEY = Operator.class.getName();
    private static final String RETRY_AFTER_SECONDS = "30";
    private static final Logger LOG = LoggerFactory.getLogger(OperatorAuthHandler.class);

    private final OperatorAuthenticator authenticator;

    public OperatorAuthHandler(OperatorAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    /** The operator this request was admitted for. */
    public static Optional<Operator> operator(RoutingContext ctx) {
        return Optional.ofNullable(ctx.get(OPERATOR_KEY));
    }

    /** Passes only an operator holding at least one of {@code roles}; else 403 OPERATOR_ROLE_MISSING. */
    public static Handler<RoutingContext> requireAnyOf(Set<OperatorRole> roles) {
        Set<OperatorRole> allowed = Set.copyOf(roles);
        return ctx -> {
            Optional<Operator> operator = operator(ctx);
            if (operator.isEmpty()) {
                // Mounted without the authentication in front: refuse rather than let anyone through.
                answer(ctx, OperatorError.OPERATOR_TOKEN_MISSING);
            } else if (!operator.get().hasAnyOf(allowed)) {
                answer(ctx, OperatorError.OPERATOR_ROLE_MISSING);
            } else {
                ctx.next();
            }
        };
    }

    @Override
    public void handle(RoutingContext ctx) {
        Optional<String> token = bearer(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (token.isEmpty()) {
            answer(ctx, OperatorError.OPERATOR_TOKEN_MISSING);
            return;
        }
        Future<TokenCheck> check = authenticator.check(token.get());
        if (check.isComplete()) {
            finish(ctx, check); // the usual case: the key was held, nothing was fetched
            return;
        }
        // The keys are being fetched: hold the body meanwhile, as vertx-web's own authentication
        // handlers do, and carry on from the request's own event loop.
        HttpServerRequest request = ctx.request();
        boolean paused = !request.isEnded();
        if (paused) {
            request.pause();
        }
        Context context = Vertx.currentContext();
        check.onComplete(result -> onContext(context, () -> {
            if (paused) {
                request.resume();
            }
            finish(ctx, result);
        }));
    }

    private static void finish(RoutingContext ctx, AsyncResult<TokenCheck> result) {
        if (result.failed()) {
            ctx.fail(result.cause()); // a bug: check() answers every token with a value
        } else {
            decide(ctx, result.result());
        }
    }

    private static void decide(RoutingContext ctx, TokenCheck check) {
        // Java 17 has no pattern switch; the interface is sealed, so these three are all there is.
        if (check instanceof Accepted accepted) {
            ctx.put(OPERATOR_KEY, accepted.operator());
            ctx.next();
        } else if (check instanceof Refused refused) {
            LOG.info(
                    "operator token refused ({}) on {}",
                    refused.reason(),
                    ctx.request().method());
            answer(ctx, OperatorError.OPERATOR_TOKEN_INVALID);
        } else if (check instanceof KeysUnavailable) {
            answer(ctx, OperatorError.OPERATOR_KEYS_UNAVAILABLE);
        }
    }

    /** The token of an {@code Authorization: Bearer} header (scheme case-insensitive), if that is what it is. */
    static Optional<String> bearer(String header) {
        if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = header.substring(7).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    /**
     * Writes the refusal as every admin API error is written ({@link ErrorResponses}), with the
     * challenge RFC 6750 asks for, or the time to retry.
     */
    static void answer(RoutingContext ctx, OperatorError error) {
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        ApiError answer =
                switch (error) {
                    case OPERATOR_TOKEN_MISSING -> {
                        ctx.response().putHeader(WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\"");
                        yield ApiError.OPERATOR_TOKEN_MISSING;
                    }
                    case OPERATOR_TOKEN_INVALID -> {
                        ctx.response()
                                .putHeader(WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\", error=\"invalid_token\"");
                        yield ApiError.OPERATOR_TOKEN_INVALID;
                    }
                    case OPERATOR_ROLE_MISSING -> {
                        ctx.response()
                                .putHeader(
                                        WWW_AUTHENTICATE,
                                        "Bearer realm=\"" + REALM + "\", error=\"insufficient_scope\"");
                        yield ApiError.OPERATOR_ROLE_MISSING;
                    }
                    case OPERATOR_KEYS_UNAVAILABLE -> {
                        ctx.response().putHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
                        yield ApiError.OPERATOR_KEYS_UNAVAILABLE;
                    }
                };
        ErrorResponses.send(ctx, answer);
    }

    /** Continues on the request's own event loop even when the keys were fetched on another. */
    private static void onContext(Context context, Runnable action) {
        if (context == null || context == Vertx.currentContext()) {
            action.run();
        } else {
            context.runOnContext(ignored -> action.run());
        }
    }
}
