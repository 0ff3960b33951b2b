package org.civis.auth.demo;

import io.vertx.core.json.JsonObject;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.civis.core.dedup.NameNormalizer;
import org.civis.core.schema.FieldSpec;
import org.civis.core.schema.FieldType;

/**
 * Brings enrolled and requested values to the one form they are compared in, so that both sides go
 * through exactly the same rules. Multilingual text and the name field use {@link NameNormalizer}, the
 * rules deduplication already relies on, rather than a second set that could drift from it.
 */
final class FieldNormalizer {

    /** The language key of single-valued fields, which have one form rather than one per language. */
    static final String NO_LANGUAGE = "";

    private FieldNormalizer() {}

    /** Whether the type is a demographic factor; images and fingerprints are biometrics, matched elsewhere. */
    static boolean isDemographic(FieldType type) {
        return switch (type) {
            case TEXT, MULTILINGUAL_TEXT, DATE, PHONE, EMAIL -> true;
            case IMAGE, FINGERPRINTS -> false;
        };
    }

    /**
     * The value's normalized form per language ({@link #NO_LANGUAGE} for single-valued types), in the
     * value's order; empty when the value has the wrong JSON type for the field.
     *
     * @param isName whether the field is the schema's name field, which is normalized as a name even
     *               when its type is plain text
     */
    static Optional<Map<String, String>> normalize(FieldSpec spec, boolean isName, Object value) {
        if (spec.type() == FieldType.MULTILINGUAL_TEXT) {
            if (!(value instanceof JsonObject translations) || translations.isEmpty()) {
                return Optional.empty();
            }
            Map<String, String> forms = new LinkedHashMap<>();
            for (String language : translations.fieldNames()) {
                if (!(translations.getValue(language) instanceof String text)) {
                    return Optional.empty();
                }
                forms.put(language, NameNormalizer.normalize(text));
            }
            return Optional.of(forms);
        }
        if (!(value instanceof String text)) {
            return Optional.empty();
        }
        return Optional.of(Map.of(NO_LANGUAGE, isName ? NameNormalizer.normalize(text) : single(spec.type(), text)));
    }

    /** Whether every text of a (type-correct) value fits the field's {@code maxLength}, as at enrollment. */
    static boolean withinMaxLength(FieldSpec spec, Object value) {
        return switch (spec.type()) {
            case TEXT -> fits(spec, (String) value);
            case MULTILINGUAL_TEXT ->
                ((JsonObject) value).stream().allMatch(entry -> fits(spec, (String) entry.getValue()));
            default -> true;
        };
    }

    /** The parts of a normalized name or text; {@link NameNormalizer} leaves single spaces between them. */
    static List<String> tokens(String normalized) {
        return normalized.isEmpty() ? List.of() : List.of(normalized.split(" "));
    }

    private static boolean fits(FieldSpec spec, String text) {
        return text.codePointCount(0, text.length()) <= spec.maxLength();
    }

    private static String single(FieldType type, String text) {
        return switch (type) {
            // Dates are compared as written: enrollment accepts only the one form YYYY-MM-DD.
            case DATE -> text;
            case TEXT ->
                Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
            case PHONE -> phone(text);
            case EMAIL -> text.strip().toLowerCase(Locale.ROOT);
            default -> throw new IllegalArgumentException("not a single-valued demographic type: " + type);
        };
    }

    /** "+254 712-345-678" becomes "+254712345678"; digits of any script count, separators do not. */
    private static String phone(String text) {
        String trimmed = text.strip();
        StringBuilder digits = new StringBuilder(trimmed.length());
        trimmed.codePoints()
                .map(c -> Character.digit(c, 10))
                .filter(d -> d >= 0)
                .forEach(digits::append);
        if (digits.isEmpty()) {
            return "";
        }
        return trimmed.startsWith("+") ? "+" + digits : digits.toString();
    }
}
