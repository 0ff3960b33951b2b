package org.civis.auth.otp;

import com.hazelcast.map.EntryProcessor;
import java.util.Map;

/**
 * Checks a presented code on the member that owns it, atomically: two nodes cannot both spend
 * the last attempt, and a right code is removed as it is accepted, so it works once.
 *
 * <p>It carries no key (it is sent to the owning member, which may not be ours), so it cannot
 * authenticate the entry: it answers the entry it decided on, and the caller checks that entry's
 * tag before it believes the outcome. More attempts left than a code is ever issued with can only
 * be forged: such an entry spends nothing and is answered as it is.
 */
record CheckOtp(byte[] presentedDigest, long nowMillis, int maxAttempts)
        implements EntryProcessor<String, PendingOtp, CheckedOtp> {
    @Override
    public CheckedOtp process(Map.Entry<String, PendingOtp> entry) {
        PendingOtp pending = entry.getValue();
        if (pending == null) {
            return new CheckedOtp(OtpCheck.OTP_NOT_REQUESTED, null);
        }
        if (nowMillis >= pending.expiresAtMillis()) {
            return new CheckedOtp(OtpCheck.OTP_EXPIRED, pending);
        }
        if (pending.attemptsLeft() <= 0 || pending.attemptsLeft() > maxAttempts) {
            return new CheckedOtp(OtpCheck.OTP_LOCKED, pending);
        }
        if (OtpCodes.sameDigest(pending.digest(), presentedDigest)) {
            entry.setValue(null);
            return new CheckedOtp(OtpCheck.VALID, pending);
        }
        int left = pending.attemptsLeft() - 1;
        entry.setValue(new PendingOtp(pending.digest(), pending.expiresAtMillis(), left, pending.tag()));
        return new CheckedOtp(left == 0 ? OtpCheck.OTP_LOCKED : OtpCheck.OTP_INVALID, pending);
    }
}
