package org.civis.verifier.cli;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** One line of a {@code --batch} file: text or image (relative to the batch file), optional at and id. */
record BatchLine(Object id, Optional<String> text, Optional<Path> image, Optional<Instant> at) {

    static Checked<BatchLine> parse(String line, int number, Path batchDirectory) {
        Map<String, Object> json;
        try {
            json = JSONObjectUtils.parse(line);
        } catch (ParseException e) {
            return Checked.mistake("batch line " + number + ": not a JSON object");
        }
        Object id = json.get("id");
        Checked<Optional<String>> text = optionalString(json, "text", number);
        if (text.isMistake()) {
            return text.mistake();
        }
        Checked<Optional<String>> imageText = optionalString(json, "image", number);
        if (imageText.isMistake()) {
            return imageText.mistake();
        }
        Optional<Path> image = imageText.value().map(batchDirectory::resolve);
        if (text.value().isPresent() == image.isPresent()) {
            return Checked.mistake("batch line " + number + ": needs exactly one of text and image");
        }
        Checked<Optional<String>> atText = optionalString(json, "at", number);
        if (atText.isMistake()) {
            return atText.mistake();
        }
        Optional<Instant> at = Optional.empty();
        if (atText.value().isPresent()) {
            Checked<Instant> instant = Instants.parse(atText.value().get(), "batch line " + number + " at");
            if (instant.isMistake()) {
                return instant.mistake();
            }
            at = Optional.of(instant.value());
        }
        return Checked.ok(new BatchLine(id, text.value(), image, at));
    }

    private static Checked<Optional<String>> optionalString(Map<String, Object> json, String member, int number) {
        Object value = json.get(member);
        if (value == null) {
            return Checked.ok(Optional.empty());
        }
        if (!(value instanceof String s)) {
            return Checked.mistake("batch line " + number + ": " + member + " is not a string");
        }
        return Checked.ok(Optional.of(s));
    }
}
