package org.civis.auth.request;

/** What a partner asks for; each kind has its own route and its own transaction ids. */
public enum RequestKind {
    /** {@code POST /v1/auth}: authenticate. */
    AUTH("auth"),
    /** {@code POST /v1/kyc}: authenticate and release attributes. */
    KYC("kyc"),
    /** {@code POST /v1/otp}: send a one-time password. */
    OTP("otp");

    private final String replayScope;

    RequestKind(String replayScope) {
        this.replayScope = replayScope;
    }

    /** The name the replay memory keeps transaction ids under (stable: cluster keys are built from it). */
    public String replayScope() {
        return replayScope;
    }
}
