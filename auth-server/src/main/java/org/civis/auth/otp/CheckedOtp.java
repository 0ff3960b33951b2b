package org.civis.auth.otp;

import java.io.Serializable;

/**
 * What {@link CheckOtp} answers: the outcome as the owning member saw it, and the entry it was
 * decided on, which the caller authenticates before believing the outcome.
 */
record CheckedOtp(OtpCheck outcome, PendingOtp seen) implements Serializable {}
