package org.civis.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessagesTest {
    private static final List<String> SCHEMA = List.of("eng", "fra", "ara", "hin", "spa", "por", "swa");

    @Test
    void everyLanguageOfTheDefaultSchemaHasEveryText() {
        Set<String> english = keys("eng");

        for (String language : SCHEMA) {
            assertThat(keys(language)).as(language).isEqualTo(english);
        }
        assertThat(Messages.forLanguages(SCHEMA).languages()).isEqualTo(SCHEMA);
    }

    @Test
    void aSchemaLanguageWithoutTextsIsNotOffered() {
        Messages messages = Messages.forLanguages(List.of("fra", "deu", "eng"));

        assertThat(messages.languages()).containsExactly("fra", "eng");
        assertThat(messages.choose(Optional.empty(), Optional.empty(), List.of("de"), Optional.empty()))
                .isEqualTo("fra");
    }

    @Test
    void theExplicitChoiceWinsThenTheCookieThenUiLocalesThenTheBrowser() {
        Messages messages = Messages.forLanguages(SCHEMA);
        Optional<String> browser = Optional.of("pt-BR,pt;q=0.9");

        assertThat(messages.choose(Optional.of("hin"), Optional.of("fra"), List.of("es"), browser))
                .isEqualTo("hin");
        assertThat(messages.choose(Optional.empty(), Optional.of("fra"), List.of("es"), browser))
                .isEqualTo("fra");
        assertThat(messages.choose(Optional.empty(), Optional.of("xx-bogus"), List.of("zz", "es-MX"), browser))
                .isEqualTo("spa");
        assertThat(messages.choose(Optional.empty(), Optional.empty(), List.of(), browser))
                .isEqualTo("por");
        assertThat(messages.choose(Optional.empty(), Optional.empty(), List.of(), Optional.of(";;;garbage")))
                .isEqualTo("eng");
    }

    @Test
    void languagesAreNamedInThemselvesAndArabicIsRightToLeft() {
        assertThat(Messages.htmlLang("ara")).isEqualTo("ar");
        assertThat(Messages.nativeName("fra")).isEqualTo("Français");
        assertThat(Messages.nativeName("ara")).isEqualTo("العربية");
        assertThat(Messages.rightToLeft("ara")).isTrue();
        assertThat(Messages.rightToLeft("hin")).isFalse();
    }

    private static Set<String> keys(String language) {
        return ResourceBundle.getBundle(
                        Messages.BUNDLE,
                        new Locale(language),
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                .keySet();
    }
}
