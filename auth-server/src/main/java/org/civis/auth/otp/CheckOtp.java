package org.civis.auth.otp;

import com.hazelcast.map.EntryProcessor;
import java.util.Map;
import org.civis.auth.jose.OtpCodes;

/**
 * Checks a presented code on the member that owns it, atomically: two nodes cannot both spend
 * the last attempt, and a right code is removed as it is accepted, so it works once.
 */
record CheckOtp(byte[] presentedDigest, long nowMillis) implements EntryProcessor<String, PendingOtp, OtpCheck> {
    @Override
    public OtpCheck process(Map.Entry<String, PendingOtp> entry) {
        PendingOtp pending = entry.getValue();
        if (pending == null) {
            return OtpCheck.OTP_NOT_REQUESTED;
        }
        if (nowMillis >= pending.expiresAtMillis()) {
            return OtpCheck.OTP_EXPIRED;
        }
        if (pending.attemptsLeft() <= 0) {
            return OtpCheck.OTP_LOCKED;
        }
        if (OtpCodes.sameDigest(pending.digest(), presentedDigest)) {
            entry.setValue(null);
            return OtpCheck.VALID;
        }
        int left = pending.attemptsLeft() - 1;
        entry.setValue(new PendingOtp(pending.digest(), pending.expiresAtMillis(), left));
        return left == 0 ? OtpCheck.OTP_LOCKED : OtpCheck.OTP_INVALID;
    }
}
