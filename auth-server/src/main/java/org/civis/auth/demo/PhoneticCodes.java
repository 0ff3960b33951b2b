package org.civis.auth.demo;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.codec.language.bm.Lang;
import org.apache.commons.codec.language.bm.Languages.LanguageSet;
import org.apache.commons.codec.language.bm.NameType;
import org.apache.commons.codec.language.bm.PhoneticEngine;
import org.apache.commons.codec.language.bm.RuleType;

/**
 * The Beider-Morse codes of name tokens: two spellings sound alike when their code sets share a code.
 * Beider-Morse handles many languages and scripts, but it is slow (about a millisecond per token), which
 * is why the enrolled side is encoded once into {@link MatchData}.
 *
 * <p>Beider-Morse guesses a token's language from its spelling, and the guess can split names that
 * should meet: it takes both "Mohammed" and "Muhammad" for German, whose rules keep o/u and e/a apart.
 * When the value's language is known (the key of a multilingual field) and Beider-Morse has rules for
 * it, the codes under those rules are added to the guessed ones, so that "Muhammad" written as English
 * is also read as English. Both sides of a comparison are encoded the same way.
 */
final class PhoneticCodes {

    /**
     * Longer tokens get no codes and so match only when equal. Real name parts are far shorter, and
     * the cost and the number of codes grow quickly with length (a random 32-letter token can take
     * 10 ms and give hundreds of codes).
     */
    static final int MAX_TOKEN_LENGTH = 32;

    private static final PhoneticEngine ENGINE = new PhoneticEngine(NameType.GENERIC, RuleType.APPROX, true);
    private static final Lang GUESSER = Lang.instance(NameType.GENERIC);

    /** ISO 639-3 codes of the schema to the Beider-Morse generic rule sets. */
    private static final Map<String, String> RULE_SETS = Map.ofEntries(
            Map.entry("ara", "arabic"),
            Map.entry("ces", "czech"),
            Map.entry("deu", "german"),
            Map.entry("ell", "greek"),
            Map.entry("eng", "english"),
            Map.entry("fra", "french"),
            Map.entry("heb", "hebrew"),
            Map.entry("hun", "hungarian"),
            Map.entry("ita", "italian"),
            Map.entry("nld", "dutch"),
            Map.entry("pol", "polish"),
            Map.entry("por", "portuguese"),
            Map.entry("ron", "romanian"),
            Map.entry("rus", "russian"),
            Map.entry("spa", "spanish"),
            Map.entry("tur", "turkish"));

    private PhoneticCodes() {}

    /** The codes of each token, in token order. */
    static List<Set<String>> of(List<String> tokens, String language) {
        return tokens.stream().map(token -> of(token, language)).toList();
    }

    /**
     * The codes of one normalized token; empty for scripts Beider-Morse does not know (Devanagari,
     * for instance) and for overlong tokens.
     *
     * @param language the ISO 639-3 code the value was given in, or {@link FieldNormalizer#NO_LANGUAGE}
     */
    static Set<String> of(String token, String language) {
        if (token.codePointCount(0, token.length()) > MAX_TOKEN_LENGTH) {
            return Set.of();
        }
        LanguageSet guessed = GUESSER.guessLanguages(token);
        Set<String> codes = new TreeSet<>();
        addCodes(codes, ENGINE.encode(token, guessed));
        String ruleSet = RULE_SETS.get(language);
        if (ruleSet != null && !(guessed.isSingleton() && guessed.getAny().equals(ruleSet))) {
            addCodes(codes, ENGINE.encode(token, LanguageSet.from(Set.of(ruleSet))));
        }
        return Set.copyOf(codes);
    }

    /** Beider-Morse separates alternatives with '|' and can yield an empty one, which is dropped. */
    private static void addCodes(Set<String> codes, String encoded) {
        for (String code : encoded.split("\\|")) {
            if (!code.isEmpty()) {
                codes.add(code);
            }
        }
    }
}
