package org.civis.server.web;

import java.util.List;

/**
 * What every page's layout needs: its language and direction, its title, the stylesheet, the
 * texts, and the language switch.
 *
 * @param language ISO 639-3 code of the page's language
 * @param htmlLang the same as a BCP 47 tag, for {@code <html lang>}
 * @param dir {@code ltr} or {@code rtl}
 * @param switchPath where a language link leads (with {@code ?lang=}), or empty for no switch
 */
public record PageFrame(
        String language,
        String htmlLang,
        String dir,
        String title,
        String stylesheet,
        Texts texts,
        String switchPath,
        List<LanguageLink> languages) {

    public PageFrame {
        languages = List.copyOf(languages);
    }

    /** A UI text of the page's language. */
    public String t(String key) {
        return texts.get(key);
    }

    public String t(String key, String argument) {
        return texts.get(key, argument);
    }

    public boolean hasLanguageSwitch() {
        return !switchPath.isEmpty() && languages.size() > 1;
    }

    /** One entry of the language switch, named in its own language. */
    public record LanguageLink(String language, String htmlLang, String name, String href, boolean current) {}
}
