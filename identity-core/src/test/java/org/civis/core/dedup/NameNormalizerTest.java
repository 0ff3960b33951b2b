package org.civis.core.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NameNormalizerTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "José  García",
                "jose garcia",
                "JOSE GARCIA",
                "Jose\u0301 Garci\u0301a", // decomposed (NFD) accents
                "Ｊｏｓé Garcia", // full-width letters
                "  José\tGarcía  ",
                "José\u00A0García", // no-break space
                "JOSÉ GARCÍA"
            })
    void sameNameTypedDifferentlyNormalizesToTheSameString(String typed) {
        assertThat(NameNormalizer.normalize(typed)).isEqualTo("jose garcia");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "O'Brien           | obrien",
                "O’Brien           | obrien",
                "Oʼbrien           | obrien",
                "O`Brien           | obrien",
                "Jean-Luc          | jean luc",
                "Jean‐Luc          | jean luc", // U+2010 hyphen
                "Jean–Luc          | jean luc", // en dash
                "J.R.R. Tolkien    | j r r tolkien",
                "Smith, John       | smith john",
                "snake_case_name   | snake case name",
                "Straße            | strasse",
                "STRASSE           | strasse",
                "Łódź              | lodz",
                "Søren Kierkegaard | soren kierkegaard",
                "Đorđe             | dorde",
                "Ægir Þórsson      | aegir thorsson",
                "Œuvre             | oeuvre",
                "Iğdır             | igdir",
                "İsmail            | ismail",
                "ﬁnn               | finn",
                "Nguyễn Thị Minh   | nguyen thi minh",
                "Ἀλέξανδρος        | αλεξανδρος",
                "Ёлкин             | елкин"
            })
    void namesAreReducedToTheirComparableForm(String typed, String normalized) {
        assertThat(NameNormalizer.normalize(typed)).isEqualTo(normalized);
    }

    @Test
    void greekNameInCapitalsMatchesTheSameNameInLowerCase() {
        // Lower-casing turns a word-final capital sigma into final "ς", as in the lower-case spelling.
        assertThat(NameNormalizer.normalize("ΣΩΚΡΑΤΗΣ")).isEqualTo(NameNormalizer.normalize("Σωκράτης"));
    }

    @Test
    void arabicNameWithHarakatEqualsTheSameNameWithout() {
        assertThat(NameNormalizer.normalize("مُحَمَّد"))
                .isEqualTo(NameNormalizer.normalize("محمد"))
                .isEqualTo("محمد");
    }

    @Test
    void arabicTatweelAndSuperscriptAlefAreRemoved() {
        assertThat(NameNormalizer.normalize("محـــمد")).isEqualTo("محمد");
        assertThat(NameNormalizer.normalize("رحمٰن")).isEqualTo("رحمن");
    }

    @Test
    void arabicPresentationFormsFoldToOrdinaryLetters() {
        // U+FEE1 U+FEA4 U+FEE4 U+FEAA: isolated/initial/medial/final glyph forms of م ح م د.
        assertThat(NameNormalizer.normalize("\uFEE1\uFEA4\uFEE4\uFEAA")).isEqualTo("محمد");
    }

    @Test
    void devanagariVowelSignsAndViramaArePreserved() {
        assertThat(NameNormalizer.normalize("प्रिया")).isEqualTo("प्रिया");
        assertThat(NameNormalizer.normalize("प्रिया")).isNotEqualTo(NameNormalizer.normalize("पर्या"));
        assertThat(NameNormalizer.normalize("राम")).isNotEqualTo(NameNormalizer.normalize("रम"));
    }

    @Test
    void tabsNewlinesAndUnicodeSpacesCollapseToOneSpace() {
        assertThat(NameNormalizer.normalize("Amina\t\tWanjiru\n\u00A0Njoroge\u2003\u3000Kamau\u202F"))
                .isEqualTo("amina wanjiru njoroge kamau");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n", "\u00A0\u2007\u3000", "-", "' . , _"})
    void blankOrPunctuationOnlyInputGivesTheEmptyString(String blank) {
        assertThat(NameNormalizer.normalize(blank)).isEmpty();
    }

    @Test
    void normalizingTwiceChangesNothing() {
        String once = NameNormalizer.normalize("  Ｄ’Ángelo-Søndergaard, Ǆemal  ");

        assertThat(NameNormalizer.normalize(once)).isEqualTo(once).isEqualTo("dangelo sondergaard dzemal");
    }

    @Test
    void nullIsRefused() {
        assertThatThrownBy(() -> NameNormalizer.normalize(null)).isInstanceOf(NullPointerException.class);
    }
}
