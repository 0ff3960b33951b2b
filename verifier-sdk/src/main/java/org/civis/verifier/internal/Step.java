package org.civis.verifier.internal;

import java.util.Objects;
import org.civis.verifier.verdict.ErrorCode;
import org.civis.verifier.verdict.VerificationError;

/**
 * What one stage of the pipeline gave: its value, or the refusal that ends the verification. A
 * refusal is an expected outcome for hostile or damaged input, so it is a value here, never an
 * exception. A caller checks {@link #isRefused()} and returns early with {@link #refusal()}; only
 * then does it read {@link #value()}.
 */
public sealed interface Step<T> permits Step.Ok, Step.Refused {

    static <T> Step<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Step<T> refuse(ErrorCode code, String message) {
        return new Refused<>(new VerificationError(code, message));
    }

    boolean isRefused();

    /** The value; reading it from a refusal is a bug in the caller. */
    T value();

    /** The refusal; reading it from a value is a bug in the caller. */
    VerificationError error();

    /** This refusal as a step of the caller's type (nothing in it depends on the type). */
    <U> Step<U> refusal();

    record Ok<T>(T value) implements Step<T> {
        @Override
        public boolean isRefused() {
            return false;
        }

        @Override
        public VerificationError error() {
            throw new IllegalStateException("not a refusal");
        }

        @Override
        public <U> Step<U> refusal() {
            throw new IllegalStateException("not a refusal");
        }
    }

    record Refused<T>(VerificationError error) implements Step<T> {
        public Refused {
            Objects.requireNonNull(error, "error");
        }

        @Override
        public boolean isRefused() {
            return true;
        }

        @Override
        public T value() {
            throw new IllegalStateException("refused: " + error.code());
        }

        @Override
        @SuppressWarnings("unchecked")
        public <U> Step<U> refusal() {
            return (Step<U>) this;
        }
    }
}
