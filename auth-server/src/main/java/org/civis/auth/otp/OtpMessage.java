package org.civis.auth.otp;

/** One message for a notification gateway. {@code text} holds the code: never log it. */
public record OtpMessage(ContactChannel channel, String to, String text) {
    @Override
    public String toString() {
        return "OtpMessage[" + channel + "]";
    }
}
