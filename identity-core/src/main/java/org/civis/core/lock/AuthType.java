package org.civis.core.lock;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The authentication types a lock applies to. */
public enum AuthType {
    DEMO,
    OTP,
    BIO;

    /** Parses "demo", "otp", "bio", or "all" for every type. */
    public static Set<AuthType> parse(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return "ALL".equals(upper) ? EnumSet.allOf(AuthType.class) : EnumSet.of(valueOf(upper));
    }
}
