package org.civis.auth.transaction;

import org.civis.auth.refusal.AuthFailure;

/**
 * An answer whose record is committed, so it may go out as decided; or the failure that replaces
 * it because its record could not be written (database down or busy, or the transaction id was
 * taken meanwhile).
 */
public sealed interface Committed<T> {

    record Answer<T>(T answer) implements Committed<T> {}

    record Unrecorded<T>(AuthFailure failure) implements Committed<T> {}
}
