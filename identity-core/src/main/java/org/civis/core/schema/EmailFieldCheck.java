package org.civis.core.schema;

import java.util.regex.Pattern;

/**
 * An e-mail address, checked pragmatically rather than by the full RFC 5322 grammar: what matters is
 * catching typing mistakes, and the address is proven only by a later confirmation message.
 * Internationalised domains are out of scope for now; they must be given in their ASCII (punycode) form.
 */
final class EmailFieldCheck implements FieldCheck {

    private static final int MAX_ADDRESS_LENGTH = 254;
    private static final int MAX_LOCAL_PART_LENGTH = 64;
    private static final int MAX_LABEL_LENGTH = 63;
    // Printable ASCII without space or '@'.
    private static final Pattern LOCAL_PART = Pattern.compile("[\\x21-\\x3F\\x41-\\x7E]+");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?");
    private static final Pattern TOP_LEVEL_LABEL = Pattern.compile("[A-Za-z]{2,}");

    @Override
    public void check(FieldSpec spec, Object value, String path, ViolationCollector violations) {
        if (!(value instanceof String text)) {
            violations.add(path, ViolationCode.FIELD_TYPE, "must be a string");
            return;
        }
        if (!isAddress(text)) {
            violations.add(path, ViolationCode.EMAIL_FORMAT, "must be an e-mail address such as name@example.org");
        }
    }

    static boolean isAddress(String text) {
        if (text.length() > MAX_ADDRESS_LENGTH) {
            return false;
        }
        int at = text.indexOf('@');
        if (at < 0 || at != text.lastIndexOf('@')) {
            return false;
        }
        String localPart = text.substring(0, at);
        return localPart.length() <= MAX_LOCAL_PART_LENGTH
                && LOCAL_PART.matcher(localPart).matches()
                && isDomain(text.substring(at + 1));
    }

    private static boolean isDomain(String domain) {
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (label.length() > MAX_LABEL_LENGTH || !LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return TOP_LEVEL_LABEL.matcher(labels[labels.length - 1]).matches();
    }
}
