package org.civis.server.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The UI texts in the ID schema's languages, from the resource bundle
 * {@code org.civis.server.web.messages_<ISO 639-3>.properties}, and the choice of a page's language.
 * A schema language without a bundle is not offered: the page would show keys.
 */
public final class Messages {
    static final String BUNDLE = "org.civis.server.web.messages";
    /** Written right to left; the page then carries {@code dir="rtl"}. */
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ara", "heb", "fas", "urd", "pus", "yid", "div", "syr");

    private final List<String> languages;
    private final Map<String, Texts> texts;

    private Messages(List<String> languages, Map<String, Texts> texts) {
        this.languages = List.copyOf(languages);
        this.texts = Map.copyOf(texts);
    }

    /** The texts for {@code schemaLanguages} (ISO 639-3, first = default) that have a bundle. */
    public static Messages forLanguages(List<String> schemaLanguages) {
        List<String> offered = new ArrayList<>();
        Map<String, Texts> texts = new HashMap<>();
        for (String language : schemaLanguages) {
            bundle(language).ifPresent(bundle -> {
                Map<String, String> entries = new HashMap<>();
                bundle.keySet().forEach(key -> entries.put(key, bundle.getString(key)));
                texts.put(language, new Texts(language, entries));
                offered.add(language);
            });
        }
        if (offered.isEmpty()) {
            throw new IllegalStateException("no UI texts for any of the ID schema's languages " + schemaLanguages);
        }
        return new Messages(offered, texts);
    }

    private static Optional<ResourceBundle> bundle(String language) {
        try {
            // No fallback: a bundle of the JVM's default locale must not stand in for a missing one.
            return Optional.of(ResourceBundle.getBundle(
                            BUNDLE,
                            new Locale(language),
                            Messages.class.getClassLoader(),
                            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)))
                    .filter(bundle -> bundle.getLocale().getLanguage().equals(language));
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
    }

    /** The languages offered, the default first. */
    public List<String> languages() {
        return languages;
    }

    public Texts texts(String language) {
        return texts.getOrDefault(language, texts.get(languages.get(0)));
    }

    /**
     * The page's language: the first offered one of an explicit choice ({@code ?lang=}), the
     * remembered choice (cookie), the client's {@code ui_locales}, the browser's Accept-Language,
     * else the schema's first language. Each may be an ISO 639-3 code or a BCP 47 tag.
     */
    public String choose(
            Optional<String> asked,
            Optional<String> remembered,
            List<String> uiLocales,
            Optional<String> acceptLanguage) {
        List<String> candidates = new ArrayList<>();
        asked.ifPresent(candidates::add);
        remembered.ifPresent(candidates::add);
        candidates.addAll(uiLocales);
        acceptLanguage.ifPresent(header -> candidates.addAll(acceptLanguageTags(header)));
        return candidates.stream()
                .map(this::offered)
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(languages.get(0));
    }

    /** {@code tag} as an offered ISO 639-3 code, if it names one. */
    public Optional<String> offered(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 35) {
            return Optional.empty();
        }
        if (languages.contains(tag)) {
            return Optional.of(tag);
        }
        try {
            String iso3 = Locale.forLanguageTag(tag.trim()).getISO3Language();
            return languages.contains(iso3) ? Optional.of(iso3) : Optional.empty();
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
    }

    public static boolean rightToLeft(String language) {
        return RIGHT_TO_LEFT.contains(language);
    }

    /** The shortest BCP 47 tag of an ISO 639-3 code, for {@code <html lang>}: {@code eng} -> {@code en}. */
    public static String htmlLang(String language) {
        return TWO_LETTER.getOrDefault(language, language);
    }

    /** The language's own name for itself, for the language switch: français, العربية, ... */
    public static String nativeName(String language) {
        Locale locale = Locale.forLanguageTag(htmlLang(language));
        String name = locale.getDisplayLanguage(locale);
        if (name.isEmpty() || name.equals(language)) {
            return language;
        }
        return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    private static List<String> acceptLanguageTags(String header) {
        try {
            return Locale.LanguageRange.parse(header).stream()
                    .map(Locale.LanguageRange::getRange)
                    .filter(range -> !range.equals("*"))
                    .toList();
        } catch (IllegalArgumentException malformed) {
            return List.of();
        }
    }

    private static final Map<String, String> TWO_LETTER = twoLetterCodes();

    private static Map<String, String> twoLetterCodes() {
        Map<String, String> codes = new HashMap<>();
        for (String twoLetter : Locale.getISOLanguages()) {
            try {
                codes.putIfAbsent(new Locale(twoLetter).getISO3Language(), twoLetter);
            } catch (MissingResourceException e) {
                // no three-letter code: a schema cannot name it
            }
        }
        return Map.copyOf(codes);
    }
}
