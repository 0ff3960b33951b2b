package org.civis.server.admin;

import io.vertx.ext.web.RoutingContext;
import org.civis.core.id.RegistrationId;
import org.civis.core.id.Uin;
import org.civis.core.id.Vid;
import org.civis.core.refusal.Result;
import org.civis.server.http.ApiError;
import org.civis.server.http.ErrorResponses;
import org.civis.server.operator.AdminAccess;
import org.civis.server.operator.Operator;
import org.civis.server.operator.OperatorAuthHandler;

/** Identifiers taken from the request (path parameters), or the refusal of a malformed one; and who acts. */
final class RequestIds {
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
     * Who acts, as the audit log records it: the subject and issuer of the operator token admitted
     * for this request ({@link AdminAccess} runs before every route). Never a header the caller
     * chose; an {@code X-Civis-Operator} header, which once named the operator, is ignored.
     */
    static String actor(RoutingContext ctx) {
        return OperatorAuthHandler.operator(ctx)
                .map(Operator::actor)
                .orElseThrow(() -> new IllegalStateException("an admin route was reached without an operator"));
    }
}
