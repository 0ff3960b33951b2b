package org.civis.core.schema;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;

/** Identities and helpers shared by the validation tests; each call returns a fresh, mutable copy. */
final class SampleIdentities {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-15T10:00:00Z"), ZoneOffset.UTC);
    static final String BASE = "/identity";

    private static final byte[] TINY_PNG = renderTinyPng();

    private SampleIdentities() {}

    /** Every field of the default schema, all valid. */
    static JsonObject fullIdentity() {
        return new JsonObject()
                .put(
                        "fullName",
                        new JsonObject().put("eng", "Amina Wanjiru Njoroge").put("ara", "أمينة نجوروغي"))
                .put("dateOfBirth", "1990-04-12")
                .put("gender", "female")
                .put(
                        "address",
                        new JsonObject().put("eng", "12 Moi Avenue, Nairobi").put("swa", "12 Barabara ya Moi"))
                .put("phone", "+254712345678")
                .put("email", "amina.njoroge@example.co.ke")
                .put("nationality", "KEN")
                .put("photo", new JsonObject().put("format", "png").put("data", base64(tinyPng())))
                .put("fingerprints", new JsonArray().add(fingerprint("RIGHT_THUMB")));
    }

    /** Only the fields the default schema requires. */
    static JsonObject minimalIdentity() {
        return new JsonObject()
                .put("fullName", new JsonObject().put("eng", "Amina Njoroge"))
                .put("dateOfBirth", "1990-04-12")
                .put("gender", "female");
    }

    static JsonObject fingerprint(String position) {
        return new JsonObject()
                .put("position", position)
                .put("format", "wsq")
                .put("data", base64(new byte[] {(byte) 0xFF, (byte) 0xA0, (byte) 0xFF, (byte) 0xA8, 0, 1, 2, 3}))
                .put("dpi", 500);
    }

    /** A real 2×2 PNG, drawn and encoded by the JDK rather than hard-coded. */
    static byte[] tinyPng() {
        return TINY_PNG.clone();
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** {@code size} bytes starting with {@code prefix}, the rest zero. */
    static byte[] bytesStartingWith(byte[] prefix, int size) {
        return Arrays.copyOf(prefix, size);
    }

    static List<Violation> validate(JsonObject identity) {
        return new SchemaValidator(IdSchema.defaultSchema(), CLOCK).validate(identity, BASE);
    }

    private static byte[] renderTinyPng() {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0x336699);
        image.setRGB(1, 1, 0xFFCC00);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("the JDK has no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
