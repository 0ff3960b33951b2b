package org.civis.auth.refusal;

/**
 * One part of a request as read: its typed value, or the failure that names what was wrong with
 * it. The parser reads every part once and keeps each verdict, so the code deciding on a request
 * can report a part's failure at the point where the rules say it comes first.
 */
public sealed interface Parsed<T> {

    /** The part was well formed. */
    record Value<T>(T value) implements Parsed<T> {}

    /** The part was not: {@code failure} says which field and why. */
    record Invalid<T>(AuthFailure failure) implements Parsed<T> {}

    static <T> Parsed<T> of(T value) {
        return new Value<>(value);
    }

    static <T> Parsed<T> invalid(AuthError code, String field) {
        return new Invalid<>(AuthFailure.of(code, field));
    }
}
