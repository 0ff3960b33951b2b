package org.civis.server.admin;

import io.vertx.ext.web.RoutingContext;
import org.civis.core.id.RegistrationId;
import org.civis.core.id.Uin;
import org.civis.core.id.Vid;
import org.civis.core.refusal.Result;
import org.civis.server.http.ApiError;
import org.civis.server.http.ErrorResponses;

/** Identifiers taken from the request (path parameters and the operator header), or the refusal of a malformed one. */
final class RequestIds {
    static final String OPERATOR_HEADER = "X-Civis-Operator";
    private static final String DEFAULT_OPERATOR = "admin-api";

    private RequestIds() {}

    static Result<Uin> uin(RoutingContext ctx) {
        String raw = ctx.pathParam("uin");
        return Uin.isWellFormed(raw) ? Result.accepted(new Uin(raw)) : ErrorResponses.refused(ApiError.UIN_INVALID);
    }

    static Result<Vid> vid(RoutingContext ctx) {
        String raw = ctx.pathParam("vid");
        return Vid.isWellFormed(raw) ? Result.accepted(new Vid(raw)) : ErrorResponses.refused(ApiError.VID_INVALID);
    }

    static Result<RegistrationId> registrationId(RoutingContext ctx) {
        String raw = ctx.pathParam("registrationId");
        return RegistrationId.isWellFormed(raw)
                ? Result.accepted(new RegistrationId(raw))
                : ErrorResponses.refused(ApiError.REGISTRATION_ID_INVALID);
    }

    /**
     * Who acts, as recorded in the audit log. The admin listener is internal; the header names the
     * operator for the record, it does not authenticate anyone.
     */
    static Result<String> operator(RoutingContext ctx) {
        String header = ctx.request().getHeader(OPERATOR_HEADER);
        if (header == null) {
            return Result.accepted(DEFAULT_OPERATOR);
        }
        if (!header.matches("[A-Za-z0-9._@-]{1,64}")) {
            return Result.refused(
                    ApiError.VALIDATION_FAILED, OPERATOR_HEADER + " must be 1..64 of A-Z a-z 0-9 . _ @ -");
        }
        return Result.accepted(header);
    }
}
