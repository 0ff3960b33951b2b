package org.civis.auth.otp;

import java.util.Optional;

/** The enrolled phone and email a code may be sent to, and their masked forms for answers. */
public record Contacts(Optional<String> phone, Optional<String> email) {

    /** All but the last three digits hidden: {@code +254712345678} becomes {@code *********678}. */
    public static String maskPhone(String phone) {
        String digits = phone.replaceAll("[^0-9]", "");
        int shown = Math.min(3, digits.length());
        return "*".repeat(digits.length() - shown) + digits.substring(digits.length() - shown);
    }

    /** First letter and the domain's last label kept: {@code grace@example.org} becomes {@code g***@***.org}. */
    public static String maskEmail(String email) {
        int at = email.indexOf('@');
        int dot = email.lastIndexOf('.');
        String first = at > 0 ? email.substring(0, 1) : "";
        String tld = dot > at ? email.substring(dot) : "";
        return first + "***@***" + tld;
    }

    @Override
    public String toString() {
        return "Contacts[phone=" + phone.isPresent() + ", email=" + email.isPresent() + "]";
    }
}
