package org.civis.core.dedup;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reduces a name to the form blind indexes are built from, so that the same name typed with another
 * case, spacing, punctuation or accents gives the same string. Changing any rule here changes every
 * index built from it, so rules are only ever added together with a re-indexing migration.
 */
public final class NameNormalizer {

    /*
     * Letters that lower-case fine but have no canonical decomposition, so NFD cannot separate a base
     * letter from an accent to strip: 'ø' is not 'o' plus a combining stroke. They are spelled out the
     * way people commonly type them on keyboards that lack them.
     */
    private static final Map<Character, String> UNDECOMPOSABLE_LETTERS = Map.of(
            'ß', "ss",
            'ø', "o",
            'đ', "d",
            'ð', "d",
            'ł', "l",
            'æ', "ae",
            'œ', "oe",
            'ı', "i",
            'þ', "th");

    /*
     * Only the accents of Latin, Greek and Cyrillic (U+0300–U+036F) and the Arabic short vowels,
     * tatweel and superscript alef: these are routinely left out when typing a name, so two spellings
     * differing only by them are the same name. Stripping U+0653–U+0655 also folds alef with hamza or
     * madda to bare alef, as is usual for Arabic name matching since writers add hamza inconsistently.
     * Marks of other scripts are kept on purpose: Devanagari vowel signs and virama, for instance, are
     * part of the spelling, and dropping them would merge different names (प्रिया and पर्या).
     */
    private static final Pattern STRIPPED_MARKS = Pattern.compile("[\\u0300-\\u036F\\u064B-\\u065F\\u0670\\u0640]");
    // Straight, curly and modifier apostrophes and the backtick: "O'Brien" is also typed "OBrien".
    private static final Pattern APOSTROPHES = Pattern.compile("['\\u2018\\u2019\\u02BC`]");
    // Dash punctuation of any script, dots, commas (Latin and Arabic) and underscores separate name parts.
    private static final Pattern SEPARATORS = Pattern.compile("[\\p{Pd}.,\\u060C_]");
    // \s alone misses no-break and other Unicode spaces, hence the separator categories too.
    private static final Pattern SPACE_RUNS = Pattern.compile("[\\s\\p{Z}]+");

    private NameNormalizer() {}

    /**
     * The normalized form of a name: lower case, accents and apostrophes removed, separators turned into
     * single spaces, trimmed. Blank input gives the empty string.
     */
    public static String normalize(String name) {
        Objects.requireNonNull(name, "name");
        // NFKC first, so that full-width letters and ligatures ("ﬁ") become ordinary letters before the
        // rules below, which are written for ordinary letters, see them.
        String text = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        text = spellOutUndecomposable(text);
        text = Normalizer.normalize(text, Normalizer.Form.NFD);
        text = STRIPPED_MARKS.matcher(text).replaceAll("");
        text = Normalizer.normalize(text, Normalizer.Form.NFC);
        text = APOSTROPHES.matcher(text).replaceAll("");
        text = SEPARATORS.matcher(text).replaceAll(" ");
        return SPACE_RUNS.matcher(text).replaceAll(" ").strip();
    }

    private static String spellOutUndecomposable(String text) {
        StringBuilder result = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = UNDECOMPOSABLE_LETTERS.get(c);
            if (replacement != null) {
                result.append(replacement);
            } else {
                result.append(c);
            }
        }
        return result.toString();
    }
}
