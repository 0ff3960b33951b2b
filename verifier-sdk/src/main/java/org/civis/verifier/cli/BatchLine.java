package org.civis.verifier.cli;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** One line of a {@code --batch} file: text or image (relative to the batch file), optional at and id. */
record BatchLine(Object id, Optional<String> text, Optional<Path> image, Optional<Instant> at) {

    static BatchLine parse(String line, int number, Path batchDirectory) throws UsageException {
        Map<String, Object> json;
        try {
            json = JSONObjectUtils.parse(line);
        } catch (ParseException e) {
            throw new UsageException("batch line " + number + ": not a JSON object");
        }
        Object id = json.get("id");
        Optional<String> text = optionalString(json, "text", number);
        Optional<Path> image = optionalString(json, "image", number).map(batchDirectory::resolve);
        if (text.isPresent() == image.isPresent()) {
            throw new UsageException("batch line " + number + ": needs exactly one of text and image");
        }
        Optional<String> atText = optionalString(json, "at", number);
        Optional<Instant> at = atText.isPresent()
                ? Optional.of(Instants.parse(atText.get(), "batch line " + number + " at"))
                : Optional.empty();
        return new BatchLine(id, text, image, at);
    }

    private static Optional<String> optionalString(Map<String, Object> json, String member, int number)
            throws UsageException {
        Object value = json.get(member);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String s)) {
            throw new UsageException("batch line " + number + ": " + member + " is not a string");
        }
        return Optional.of(s);
    }
}
