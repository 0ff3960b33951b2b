package org.civis.server.web;

import java.util.Map;

/**
 * The UI texts of one language. A key the language lacks falls back to the key itself, so a
 * missing translation shows up in a test or on screen instead of failing a sign-in. Arguments are
 * substituted as plain text; the template escapes the result as a whole.
 */
public final class Texts {
    private final String language;
    private final Map<String, String> texts;

    Texts(String language, Map<String, String> texts) {
        this.language = language;
        this.texts = Map.copyOf(texts);
    }

    /** The ISO 639-3 code, as the ID schema names languages. */
    public String language() {
        return language;
    }

    public boolean has(String key) {
        return texts.containsKey(key);
    }

    public String get(String key) {
        return texts.getOrDefault(key, key);
    }

    /** {@code {0}} in the text replaced by {@code argument} (no MessageFormat: its quoting rules break "l'identité"). */
    public String get(String key, String argument) {
        return get(key).replace("{0}", argument);
    }
}
