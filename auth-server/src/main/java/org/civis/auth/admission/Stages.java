package org.civis.auth.admission;

import io.vertx.core.Future;
import java.util.function.Function;

/**
 * The admission so far: what the last stage passed on, or the refusal that ended it. Each stage
 * runs only if every stage before it passed, so the first refusal is the answer.
 */
final class Stages<T> {
    /** One stage's verdict: pass {@code value} on, or stop with a refusal. */
    sealed interface Step<T> {
        record Pass<T>(T value) implements Step<T> {}

        record Stop<T>(PartnerRefusal refusal) implements Step<T> {}
    }

    private final Future<Step<T>> current;

    private Stages(Future<Step<T>> current) {
        this.current = current;
    }

    static <T> Stages<T> start(T input) {
        return new Stages<>(Future.succeededFuture(new Step.Pass<>(input)));
    }

    static <T> Future<Step<T>> pass(T value) {
        return Future.succeededFuture(new Step.Pass<>(value));
    }

    static <T> Future<Step<T>> stop(PartnerRefusal refusal) {
        return Future.succeededFuture(new Step.Stop<>(refusal));
    }

    <U> Stages<U> then(Function<T, Future<Step<U>>> stage) {
        return new Stages<>(current.compose(step ->
                step instanceof Step.Pass<T> pass ? stage.apply(pass.value()) : stop(((Step.Stop<T>) step).refusal())));
    }

    /** The admitted request, or the refusal that stopped it. */
    static Future<AdmissionResult> end(Stages<AdmittedRequest> stages) {
        return stages.current.map(step -> step instanceof Step.Pass<AdmittedRequest> pass
                ? pass.value()
                : ((Step.Stop<AdmittedRequest>) step).refusal());
    }
}
