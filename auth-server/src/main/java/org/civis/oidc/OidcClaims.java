package org.civis.oidc;

import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The standard OpenID claims Civis releases and the ID schema fields they come from (OpenID
 * Connect Core 5.1 and 5.4). One claim, one field: a policy's {@code kycAttributes} (field names)
 * decide the claims a client may receive, and a sign-in's claims decide the fields read.
 *
 * <p>{@code name} is the full name in the schema's first language the resident has it in; the
 * other languages travel as {@code name#fra} and so on (Core 5.2). The photo becomes a
 * {@code data:} URI, since the provider has no other place to serve a picture from.
 */
public final class OidcClaims {
    public static final String NAME = "name";
    public static final String BIRTHDATE = "birthdate";
    public static final String GENDER = "gender";
    public static final String PICTURE = "picture";
    public static final String EMAIL = "email";
    public static final String PHONE_NUMBER = "phone_number";
    public static final String ADDRESS = "address";

    /** Claim -> ID schema field, in the order a consent page lists them. */
    private static final Map<String, String> FIELDS = fields();

    private static final Map<String, Set<String>> SCOPES = Map.of(
            "profile", Set.of(NAME, BIRTHDATE, GENDER, PICTURE),
            "email", Set.of(EMAIL),
            "phone", Set.of(PHONE_NUMBER),
            "address", Set.of(ADDRESS));

    /** The claims Civis can release, as listed in the discovery document. */
    public static final Set<String> SUPPORTED = Set.copyOf(FIELDS.keySet());

    private OidcClaims() {}

    /** The claims the scopes ask for (OpenID Connect Core 5.4); unknown scopes, {@code openid} included, add none. */
    public static Set<String> forScopes(Set<String> scopes) {
        Set<String> claims = new LinkedHashSet<>();
        for (String claim : FIELDS.keySet()) {
            if (scopes.stream()
                    .anyMatch(scope -> SCOPES.getOrDefault(scope, Set.of()).contains(claim))) {
                claims.add(claim);
            }
        }
        return Set.copyOf(claims);
    }

    /** The claims a policy allows: those whose field is among its {@code kycAttributes}. */
    public static Set<String> claimsFor(Set<String> kycAttributes) {
        Set<String> claims = new LinkedHashSet<>();
        FIELDS.forEach((claim, field) -> {
            if (kycAttributes.contains(field)) {
                claims.add(claim);
            }
        });
        return Set.copyOf(claims);
    }

    /** The ID schema fields to read for these claims; unknown claims read nothing. */
    public static Set<String> fieldsFor(Set<String> claims) {
        Set<String> fields = new LinkedHashSet<>();
        for (String claim : claims) {
            String field = FIELDS.get(claim);
            if (field != null) {
                fields.add(field);
            }
        }
        return Set.copyOf(fields);
    }

    /**
     * The values of {@code claims} from the identity's fields; a claim whose field is absent or
     * malformed is left out rather than sent empty.
     *
     * @param schemaFields the identity's fields, as the ID schema shapes them
     * @param languages the schema's languages, in configured order: the first one present names {@code name}
     */
    public static JsonObject values(JsonObject schemaFields, Set<String> claims, List<String> languages) {
        JsonObject values = new JsonObject();
        for (Map.Entry<String, String> entry : FIELDS.entrySet()) {
            String claim = entry.getKey();
            Object field = schemaFields.getValue(entry.getValue());
            if (!claims.contains(claim) || field == null) {
                continue;
            }
            switch (claim) {
                case NAME -> multilingual(values, NAME, field, languages);
                case ADDRESS ->
                    firstLanguage(field, languages)
                            .ifPresent(text -> values.put(ADDRESS, new JsonObject().put("formatted", text)));
                case PICTURE -> picture(field).ifPresent(uri -> values.put(PICTURE, uri));
                default -> {
                    if (field instanceof String text) {
                        values.put(claim, text);
                    }
                }
            }
        }
        return values;
    }

    private static void multilingual(JsonObject values, String claim, Object field, List<String> languages) {
        if (!(field instanceof JsonObject texts)) {
            return;
        }
        boolean first = true;
        for (String language : languages) {
            if (texts.getValue(language) instanceof String text) {
                values.put(first ? claim : claim + "#" + language, text);
                first = false;
            }
        }
    }

    private static Optional<String> firstLanguage(Object field, List<String> languages) {
        if (field instanceof JsonObject texts) {
            for (String language : languages) {
                if (texts.getValue(language) instanceof String text) {
                    return Optional.of(text);
                }
            }
        }
        return Optional.empty();
    }

    /** {@code {"format": "jpeg", "data": "<base64>"}} (ImageFieldCheck) as a {@code data:} URI (RFC 2397). */
    private static Optional<String> picture(Object field) {
        if (field instanceof JsonObject image
                && image.getValue("data") instanceof String data
                && image.getValue("format") instanceof String format) {
            String mediaType =
                    switch (format) {
                        case "jpeg" -> "image/jpeg";
                        case "png" -> "image/png";
                        case "jp2" -> "image/jp2";
                        default -> null;
                    };
            if (mediaType != null) {
                return Optional.of("data:" + mediaType + ";base64," + data);
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(NAME, "fullName");
        fields.put(BIRTHDATE, "dateOfBirth");
        fields.put(GENDER, "gender");
        fields.put(PICTURE, "photo");
        fields.put(EMAIL, "email");
        fields.put(PHONE_NUMBER, "phone");
        fields.put(ADDRESS, "address");
        return Collections.unmodifiableMap(fields);
    }
}
