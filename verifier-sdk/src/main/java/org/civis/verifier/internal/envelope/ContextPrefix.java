package org.civis.verifier.internal.envelope;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A context identifier in front of the Base45 text, such as {@code HC1:} (EU DCC). Its letters,
 * digits and colon are Base45 characters too, so a prefix cannot be told from data by its shape:
 * {@link QrTextDecoder} tries the text without it first and falls back to the whole text.
 */
final class ContextPrefix {
    // Upper-case letters then optional digits, up to 8 characters, then a colon.
    private static final Pattern PREFIX = Pattern.compile("^([A-Z][A-Z0-9]{0,7}):");

    private ContextPrefix() {}

    /** The text after a leading prefix, if the text has one. */
    static Optional<String> strip(String text) {
        Matcher matcher = PREFIX.matcher(text);
        return matcher.find() ? Optional.of(text.substring(matcher.end())) : Optional.empty();
    }
}
