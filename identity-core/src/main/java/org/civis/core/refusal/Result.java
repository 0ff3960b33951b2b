package org.civis.core.refusal;

import io.vertx.core.Future;
import java.util.List;
import java.util.function.Function;
import org.civis.core.schema.Violation;

/**
 * What a service answers: the value asked for, or the {@link Refusal} of the request. A
 * refusal is an expected answer, so it travels in a succeeded future; a failed future means broken
 * infrastructure (the database, a key, a bug) and nothing else, as a {@code JWSVerifier} answers
 * a bad signature with {@code false} and throws only when it cannot check.
 *
 * <p>Inside a transaction a refusal commits what was written before it: services refuse before
 * they write.
 */
public sealed interface Result<T> {

    record Accepted<T>(T value) implements Result<T> {}

    record Refused<T>(Refusal refusal) implements Result<T> {
        /** The same refusal as the answer to another question. */
        @SuppressWarnings("unchecked")
        public <U> Refused<U> retype() {
            return (Refused<U>) this;
        }
    }

    static <T> Result<T> accepted(T value) {
        return new Accepted<>(value);
    }

    static <T> Result<T> refused(Refusal refusal) {
        return new Refused<>(refusal);
    }

    static <T> Result<T> refused(RefusalCode code, String message) {
        return refused(new Refusal(code, message));
    }

    static <T> Future<Result<T>> acceptNow(T value) {
        return Future.succeededFuture(accepted(value));
    }

    static <T> Future<Result<T>> refuseNow(RefusalCode code, String message) {
        return refuseNow(code, message, List.of());
    }

    static <T> Future<Result<T>> refuseNow(RefusalCode code, String message, List<Violation> violations) {
        return Future.succeededFuture(refused(new Refusal(code, message, violations)));
    }

    /** The accepted value turned by {@code f}; a refusal stays as it is. */
    default <U> Result<U> map(Function<? super T, ? extends U> f) {
        return this instanceof Accepted<T> a ? accepted(f.apply(a.value())) : ((Refused<T>) this).retype();
    }

    /** A check of the accepted value, which may refuse it in turn. */
    default <U> Result<U> flatMap(Function<? super T, Result<U>> check) {
        return this instanceof Accepted<T> a ? check.apply(a.value()) : ((Refused<T>) this).retype();
    }

    /** The next step, which may refuse in turn, run only on an accepted value. */
    default <U> Future<Result<U>> then(Function<? super T, Future<Result<U>>> next) {
        return this instanceof Accepted<T> a
                ? next.apply(a.value())
                : Future.succeededFuture(((Refused<T>) this).retype());
    }

    /** The next step, which cannot refuse, run only on an accepted value. */
    default <U> Future<Result<U>> thenAccept(Function<? super T, Future<U>> next) {
        return this instanceof Accepted<T> a
                ? next.apply(a.value()).map(Result::accepted)
                : Future.succeededFuture(((Refused<T>) this).retype());
    }

    /** The accepted value, for callers (tests, tools) that know there can be no refusal. */
    default T orElseThrow() {
        if (this instanceof Refused<T> r) {
            throw new IllegalStateException("refused: " + r.refusal().code());
        }
        return ((Accepted<T>) this).value();
    }
}
