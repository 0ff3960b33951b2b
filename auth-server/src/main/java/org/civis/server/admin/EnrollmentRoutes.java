package org.civis.server.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.civis.core.enrollment.Adjudication;
import org.civis.core.enrollment.EnrollmentOutcome;
import org.civis.core.enrollment.EnrollmentRequest;
import org.civis.core.enrollment.EnrollmentService;
import org.civis.core.id.ReasonCode;
import org.civis.core.id.RegistrationId;
import org.civis.core.id.Uin;
import org.civis.core.refusal.Result;
import org.civis.core.schema.ViolationCode;
import org.civis.server.http.JsonBody;
import org.civis.server.http.Replies;
import org.civis.server.metrics.EnrollmentMetrics;
import org.civis.server.metrics.EnrollmentMetrics.Step;
import org.civis.server.registry.RegistryJson;

/** POST /v1/enrollments, GET /v1/enrollments/{id}, POST /v1/enrollments/{id}/adjudication. */
final class EnrollmentRoutes {
    private final EnrollmentService enrollments;
    private final EnrollmentMetrics metrics;

    EnrollmentRoutes(EnrollmentService enrollments, EnrollmentMetrics metrics) {
        this.enrollments = enrollments;
        this.metrics = metrics;
    }

    void mount(Router router) {
        router.post("/v1/enrollments").handler(this::enroll);
        router.get("/v1/enrollments/:registrationId")
                .handler(ctx -> Replies.json(
                        ctx,
                        RequestIds.registrationId(ctx).then(id -> enrollments.outcome(id, RequestIds.actor(ctx))),
                        RegistryJson::outcome));
        router.post("/v1/enrollments/:registrationId/adjudication").handler(this::adjudicate);
    }

    private void enroll(RoutingContext ctx) {
        String operator = RequestIds.actor(ctx);
        Future<Result<EnrollmentOutcome>> enrolled = JsonBody.of(ctx)
                .flatMap(body -> {
                    body.allowOnly("registrationId", "identity");
                    Optional<String> id = body.string("registrationId", true);
                    Optional<JsonObject> identity = body.object("identity", true);
                    id.filter(value -> !RegistrationId.isWellFormed(value))
                            .ifPresent(bad -> body.add(
                                    "registrationId",
                                    ViolationCode.FIELD_VALUE_NOT_ALLOWED,
                                    "must be 1..64 of letters, digits, '.', '_' and '-'"));
                    return body.parsed(() -> new EnrollmentRequest(new RegistrationId(id.get()), identity.get()));
                })
                .then(request -> enrollments.enroll(request, operator))
                .onSuccess(result -> recordOutcome(Step.ENROLL, result));
        Replies.json(ctx, enrolled, RegistryJson::outcome);
    }

    private void adjudicate(RoutingContext ctx) {
        String operator = RequestIds.actor(ctx);
        Future<Result<EnrollmentOutcome>> adjudicated = RequestIds.registrationId(ctx)
                .then(id -> JsonBody.of(ctx)
                        .flatMap(EnrollmentRoutes::ruling)
                        .then(ruling -> enrollments.adjudicate(id, ruling, operator)))
                .onSuccess(result -> recordOutcome(Step.ADJUDICATE, result));
        Replies.json(ctx, adjudicated, RegistryJson::outcome);
    }

    /** Counts decided outcomes only: a refused request is counted by the HTTP metrics. */
    private void recordOutcome(Step step, Result<EnrollmentOutcome> result) {
        if (result instanceof Result.Accepted<EnrollmentOutcome> accepted) {
            metrics.outcome(step, accepted.value().status());
        }
    }

    private static Result<Adjudication> ruling(JsonBody body) {
        body.allowOnly("decision", "existingUin", "reasonCode");
        Optional<Adjudication.Decision> decision = body.enumValue("decision", Adjudication.Decision.class, true);
        Optional<String> existing = body.string("existingUin", false);
        existing.filter(value -> !Uin.isWellFormed(value))
                .ifPresent(bad ->
                        body.add("existingUin", ViolationCode.FIELD_VALUE_NOT_ALLOWED, "must be a well-formed UIN"));
        Optional<ReasonCode> reason = body.reasonCode("reasonCode");
        if (decision.isPresent() && (decision.get() == Adjudication.Decision.LINK) != existing.isPresent()) {
            body.add("existingUin", ViolationCode.FIELD_REQUIRED, "is required with LINK and only with LINK");
        }
        return body.parsed(() -> new Adjudication(decision.get(), existing.map(Uin::new), reason));
    }
}
