package org.civis.auth.otp;

import java.io.Serializable;

/** An issued code as the cluster keeps it: its HMAC digest, when it expires, attempts left. */
record PendingOtp(byte[] digest, long expiresAtMillis, int attemptsLeft) implements Serializable {}
