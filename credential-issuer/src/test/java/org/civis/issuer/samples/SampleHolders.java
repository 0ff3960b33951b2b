package org.civis.issuer.samples;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Base64;
import org.civis.core.id.Uin;
import org.civis.core.identity.Identity;
import org.civis.core.identity.IdentityStatus;
import org.civis.core.uin.Verhoeff;

/** Made-up card holders for tests: identity documents shaped as the default ID schema wants them. */
public final class SampleHolders {
    private SampleHolders() {}

    /** A UIN with a valid check digit, from nine digits of {@code seed}. */
    public static Uin uin(long seed) {
        String body = String.valueOf(300_000_000L + Math.floorMod(seed * 7_919L, 600_000_000L));
        return new Uin(body + Verhoeff.checkDigit(body));
    }

    /**
     * A typical resident: name in two languages, date of birth, gender, address, phone, e-mail,
     * nationality and a 600 x 800 JPEG portrait.
     */
    public static JsonObject typicalFields(long seed) {
        return new JsonObject()
                .put(
                        "fullName",
                        new JsonObject().put("eng", "Amara Chiamaka Okafor").put("fra", "Amara Chiamaka Okafor"))
                .put("dateOfBirth", "1990-01-15")
                .put("gender", "female")
                .put("address", new JsonObject().put("eng", "12 Marina Road, Apapa, Lagos 102273"))
                .put("phone", "+2348031234511")
                .put("email", "amara.okafor@mail.example.org")
                .put("nationality", "NGA")
                .put("photo", photo("jpeg", SyntheticPortrait.jpeg(seed)));
    }

    /** {@link #typicalFields} with an Arabic second name and enrolled fingers (templates stand in as bytes). */
    public static JsonObject fullFields(long seed) {
        JsonArray fingers = new JsonArray();
        for (String position : new String[] {"RIGHT_THUMB", "RIGHT_INDEX", "LEFT_THUMB", "LEFT_INDEX"}) {
            fingers.add(new JsonObject()
                    .put("position", position)
                    .put("format", "iso19794-2")
                    .put("data", Base64.getEncoder().encodeToString(new byte[] {'F', 'M', 'R', 0})));
        }
        return typicalFields(seed)
                .put("fullName", new JsonObject().put("eng", "Amara Okafor").put("ara", "أمارا أوكافور"))
                .put("fingerprints", fingers);
    }

    public static JsonObject photo(String format, byte[] data) {
        return new JsonObject()
                .put("format", format)
                .put("data", Base64.getEncoder().encodeToString(data));
    }

    public static Identity identity(Uin uin, int version, JsonObject fields) {
        Instant at = Instant.parse("2026-11-25T09:00:00Z");
        return new Identity(uin, IdentityStatus.ACTIVE, version, version, fields, at, at);
    }
}
