package org.civis.server.admin;

import io.vertx.ext.web.RoutingContext;
import org.civis.core.id.RegistrationId;
import org.civis.core.id.Uin;
import org.civis.core.id.Vid;
import org.civis.server.http.ApiError;
import org.civis.server.http.ApiException;

/** Identifiers taken from the request: path parameters and the operator header. */
final class RequestIds {
    static final String OPERATOR_HEADER = "X-Civis-Operator";
    private static final String DEFAULT_OPERATOR = "admin-api";

    private RequestIds() {}

    static Uin uin(RoutingContext ctx) {
        String raw = ctx.pathParam("uin");
        if (!Uin.isWellFormed(raw)) {
            throw new ApiException(ApiError.UIN_INVALID);
        }
        return new Uin(raw);
    }

    static Vid vid(RoutingContext ctx) {
        String raw = ctx.pathParam("vid");
        if (!Vid.isWellFormed(raw)) {
            throw new ApiException(ApiError.VID_INVALID);
        }
        return new Vid(raw);
    }

    static RegistrationId registrationId(RoutingContext ctx) {
        String raw = ctx.pathParam("registrationId");
        if (!RegistrationId.isWellFormed(raw)) {
            throw new ApiException(ApiError.REGISTRATION_ID_INVALID);
        }
        return new RegistrationId(raw);
    }

    /**
     * Who acts, as recorded in the audit log. The admin listener is internal; the header names the
     * operator for the record, it does not authenticate anyone.
     */
    static String operator(RoutingContext ctx) {
        String header = ctx.request().getHeader(OPERATOR_HEADER);
        if (header == null) {
            return DEFAULT_OPERATOR;
        }
        if (!header.matches("[A-Za-z0-9._@-]{1,64}")) {
            throw new ApiException(
                    ApiError.VALIDATION_FAILED,
                    OPERATOR_HEADER + " must be 1..64 of A-Z a-z 0-9 . _ @ -",
                    java.util.List.of());
        }
        return header;
    }
}
