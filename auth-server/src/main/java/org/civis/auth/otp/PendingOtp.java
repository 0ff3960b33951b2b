package org.civis.auth.otp;

import java.io.Serializable;

/**
 * An issued code as the cluster keeps it: its HMAC digest, when it expires, attempts left, and a
 * tag over the digest and the expiry under a key that never enters the cluster. The tag does not
 * cover the attempts, which the owning member counts down without the key: they are bounded by
 * the settings and by what each node has seen ({@link AttemptFloors}).
 */
record PendingOtp(byte[] digest, long expiresAtMillis, int attemptsLeft, byte[] tag) implements Serializable {}
