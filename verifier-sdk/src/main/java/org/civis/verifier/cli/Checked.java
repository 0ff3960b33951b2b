package org.civis.verifier.cli;

import java.util.Objects;

/**
 * A value the command read from its options and files, or the usage mistake that stops it (its
 * message goes to stderr, the exit status is 2, nothing more goes to stdout). A mistake in what
 * the operator typed is expected, so it is a value: the caller checks {@link #isMistake()} and
 * returns early with {@link #mistake()}; only then does it read {@link #value()}.
 */
sealed interface Checked<T> permits Checked.Ok, Checked.Mistake {

    static <T> Checked<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Checked<T> mistake(String message) {
        return new Mistake<>(message);
    }

    boolean isMistake();

    /** The value; reading it from a mistake is a bug in the caller. */
    T value();

    /** The mistake, for people; reading it from a value is a bug in the caller. */
    String message();

    /** This mistake as a result of the caller's type (nothing in it depends on the type). */
    <U> Checked<U> mistake();

    record Ok<T>(T value) implements Checked<T> {
        @Override
        public boolean isMistake() {
            return false;
        }

        @Override
        public String message() {
            throw new IllegalStateException("not a mistake");
        }

        @Override
        public <U> Checked<U> mistake() {
            throw new IllegalStateException("not a mistake");
        }
    }

    record Mistake<T>(String message) implements Checked<T> {
        public Mistake {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public boolean isMistake() {
            return true;
        }

        @Override
        public T value() {
            throw new IllegalStateException("a usage mistake: " + message);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <U> Checked<U> mistake() {
            return (Checked<U>) this;
        }
    }
}
