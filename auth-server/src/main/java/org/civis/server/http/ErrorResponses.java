package org.civis.server.http;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.civis.auth.credential.IssuanceError;
import org.civis.auth.partner.PartnerError;
import org.civis.core.biometrics.BiometricsUnavailable;
import org.civis.core.refusal.Refusal;
import org.civis.core.refusal.RefusalCode;
import org.civis.core.refusal.RegistryError;
import org.civis.core.refusal.Result;
import org.civis.core.schema.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every refusal and every failure as {@code {"error": {"code", "message", "violations"}}}.
 * A refusal is a value ({@link #refuse}); a failure reaches the router's failure handler. Unexpected
 * exceptions are logged by class and request path only (their messages may quote input) and
 * answered with INTERNAL_ERROR; a database that cannot be reached is answered NOT_READY (503), and
 * fingerprint work out of reach BIOMETRICS_BUSY or BIOMETRICS_UNAVAILABLE (503).
 */
public final class ErrorResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private ErrorResponses() {}

    /**
     * Makes every failure and every unrouted request on {@code router} answer in the catalogue's form,
     * and refuses a malformed path or query before any route matches it (the check runs first
     * whatever the order of mounting: its route is ordered before all others).
     */
    public static void install(Router router) {
        router.route().order(Integer.MIN_VALUE).handler(RequestTargets::refuseMalformed);
        router.route().failureHandler(ErrorResponses::handle);
        for (int status : new int[] {400, 404, 405, 413, 415, 500}) {
            // The router calls these without failing the context, so the status is passed on here.
            router.errorHandler(status, ctx -> handle(ctx, status));
        }
    }

    /** The failure handler for a router. */
    public static void handle(RoutingContext ctx) {
        handle(ctx, ctx.statusCode());
    }

    private static void handle(RoutingContext ctx, int status) {
        Throwable failure = ctx.failure();
        if (failure instanceof BiometricsUnavailable biometrics) {
            // Nothing was written: the client may send the same request again shortly.
            send(ctx, ApiError.of(biometrics.code()), biometrics.getMessage(), List.of());
        } else if (failure == null && RequestTargets.isMalformed(ctx.request())) {
            // Routing threw on the target before the check in front of the routes could see it.
            send(ctx, ApiError.PATH_MALFORMED);
        } else if (DatabaseUnavailable.is(failure)) {
            // Nothing was committed: the client may send the same request again once the server is ready.
            LOG.warn(
                    "database unavailable on {} {}: answered NOT_READY",
                    ctx.request().method(),
                    ctx.currentRoute() == null ? "?" : ctx.currentRoute().getPath());
            send(ctx, ApiError.NOT_READY);
        } else if (failure == null) {
            send(ctx, byStatus(status));
        } else {
            LOG.error(
                    "unexpected {} on {} {}",
                    failure.getClass().getName(),
                    ctx.request().method(),
                    ctx.currentRoute() == null ? "?" : ctx.currentRoute().getPath(),
                    failure);
            send(ctx, ApiError.INTERNAL_ERROR);
        }
    }

    /** A request refused with {@code error} and its default message. */
    public static <T> Result<T> refused(ApiError error) {
        return Result.refused(error, error.message());
    }

    /** Answers a refused request: the one place where a refusal of any service becomes an answer. */
    public static void refuse(RoutingContext ctx, Refusal refusal) {
        send(ctx, apiError(refusal.code()), refusal.message(), refusal.violations());
    }

    /** The HTTP form of a refusal code; each catalogue maps onto this one by an exhaustive switch. */
    static ApiError apiError(RefusalCode code) {
        if (code instanceof ApiError api) {
            return api;
        } else if (code instanceof RegistryError registry) {
            return ApiError.of(registry);
        } else if (code instanceof IssuanceError issuance) {
            return ApiError.of(issuance);
        } else if (code instanceof PartnerError partner) {
            return ApiError.of(partner);
        }
        throw new IllegalArgumentException("no HTTP form for " + code.getClass().getName());
    }

    public static void send(RoutingContext ctx, ApiError error) {
        send(ctx, error, error.message(), List.of());
    }

    static void send(RoutingContext ctx, ApiError error, String message, List<Violation> violations) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten()) {
            response.reset();
            return;
        }
        JsonObject body = new JsonObject().put("code", error.name()).put("message", message);
        if (!violations.isEmpty()) {
            JsonArray list = new JsonArray();
            violations.forEach(v -> list.add(new JsonObject()
                    .put("path", v.path())
                    .put("code", v.code().name())
                    .put("message", v.message())));
            body.put("violations", list);
        }
        response.setStatusCode(error.status())
                .putHeader("content-type", "application/json")
                .end(new JsonObject().put("error", body).encode());
    }

    private static ApiError byStatus(int status) {
        return switch (status) {
            case 400 -> ApiError.MALFORMED_JSON;
            case 404 -> ApiError.NOT_FOUND;
            case 405 -> ApiError.METHOD_NOT_ALLOWED;
            case 413 -> ApiError.BODY_TOO_LARGE;
            case 415 -> ApiError.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ApiError.NOT_READY;
            default -> ApiError.INTERNAL_ERROR;
        };
    }
}
