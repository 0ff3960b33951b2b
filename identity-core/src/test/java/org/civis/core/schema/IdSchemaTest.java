package org.civis.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IdSchemaTest {

    @Test
    void defaultSchemaLoadsWithItsFieldsInDocumentOrder() {
        IdSchema schema = IdSchema.defaultSchema();

        assertThat(schema.version()).isEqualTo(1);
        assertThat(schema.fields())
                .extracting(FieldSpec::name)
                .containsExactly(
                        "fullName",
                        "dateOfBirth",
                        "gender",
                        "address",
                        "phone",
                        "email",
                        "nationality",
                        "photo",
                        "fingerprints");
        assertThat(schema.languages()).startsWith("eng", "fra", "ara").allMatch(code -> code.matches("[a-z]{3}"));
        assertThat(schema.deduplication()).isEqualTo(new DeduplicationFields("fullName", "dateOfBirth", "gender"));
    }

    @Test
    void defaultSchemaCarriesTheConfiguredLimits() {
        IdSchema schema = IdSchema.defaultSchema();

        assertThat(schema.field("fullName"))
                .contains(new FieldSpec("fullName", FieldType.MULTILINGUAL_TEXT, true, 200, List.of(), 0));
        assertThat(schema.field("dateOfBirth"))
                .contains(new FieldSpec("dateOfBirth", FieldType.DATE, true, 0, List.of(), 0));
        assertThat(schema.field("gender"))
                .contains(new FieldSpec("gender", FieldType.TEXT, true, 256, List.of("male", "female", "other"), 0));
        assertThat(schema.field("photo"))
                .contains(new FieldSpec("photo", FieldType.IMAGE, false, 0, List.of(), 262_144));
        assertThat(schema.field("fingerprints"))
                .contains(new FieldSpec("fingerprints", FieldType.FINGERPRINTS, false, 0, List.of(), 1_048_576));
        assertThat(schema.field("nickname")).isEmpty();
    }

    @Test
    void fieldTypesUseTheirSchemaDocumentNames() {
        assertThat(FieldType.values())
                .extracting(FieldType::jsonName)
                .containsExactly("text", "multilingualText", "date", "phone", "email", "image", "fingerprints");
        assertThat(FieldType.fromJsonName("multilingualText")).contains(FieldType.MULTILINGUAL_TEXT);
        assertThat(FieldType.fromJsonName("MULTILINGUAL_TEXT")).isEmpty();
    }

    @Test
    void omittedLimitsTakeTheirDefaults() {
        JsonObject document = validDocument();
        document.getJsonObject("fields")
                .put("nickname", new JsonObject().put("type", "text"))
                .put("signature", new JsonObject().put("type", "image"));

        IdSchema schema = IdSchema.fromJson(document);

        assertThat(schema.field("nickname"))
                .contains(new FieldSpec("nickname", FieldType.TEXT, false, FieldSpec.DEFAULT_MAX_LENGTH, List.of(), 0));
        assertThat(schema.field("signature").orElseThrow().maxBytes()).isPositive();
    }

    @Test
    void schemaIsUnaffectedByLaterChangesToItsDocument() {
        JsonObject document = validDocument();
        IdSchema schema = IdSchema.fromJson(document);

        document.getJsonObject("fields").remove("name");
        document.getJsonArray("languages").add("deu");

        assertThat(schema.field("name")).isPresent();
        assertThat(schema.languages()).containsExactly("eng");
    }

    @Test
    void schemaCollectionsCannotBeModified() {
        IdSchema schema = IdSchema.defaultSchema();

        assertThatThrownBy(() -> schema.fields().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> schema.languages().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toJsonGivesADocumentThatReadsBackToTheSameSchema() {
        IdSchema schema = IdSchema.defaultSchema();

        JsonObject document = schema.toJson();

        assertThat(IdSchema.fromJson(document).fields()).isEqualTo(schema.fields());
        assertThat(IdSchema.fromJson(document).toJson()).isEqualTo(document);
    }

    @Test
    void toJsonSpellsOutDefaultLimits() {
        JsonObject fields = IdSchema.defaultSchema().toJson().getJsonObject("fields");

        assertThat(fields.getJsonObject("gender"))
                .isEqualTo(new JsonObject()
                        .put("type", "text")
                        .put("required", true)
                        .put("maxLength", 256)
                        .put(
                                "allowedValues",
                                new JsonArray().add("male").add("female").add("other")));
        assertThat(fields.getJsonObject("dateOfBirth"))
                .isEqualTo(new JsonObject().put("type", "date").put("required", true));
        assertThat(fields.getJsonObject("photo"))
                .isEqualTo(new JsonObject()
                        .put("type", "image")
                        .put("required", false)
                        .put("maxBytes", 262_144));
    }

    @Test
    void changingTheOutputOfToJsonLeavesTheSchemaAlone() {
        IdSchema schema = IdSchema.fromJson(validDocument());
        JsonObject document = schema.toJson();

        document.getJsonArray("languages").add("fra");
        document.getJsonObject("fields")
                .getJsonObject("sex")
                .getJsonArray("allowedValues")
                .add("x");

        assertThat(schema.toJson()).isEqualTo(IdSchema.fromJson(validDocument()).toJson());
    }

    /** A small, valid document that each bad case below breaks in one way. */
    private static JsonObject validDocument() {
        return new JsonObject()
                .put("version", 1)
                .put("languages", new JsonArray().add("eng"))
                .put(
                        "fields",
                        new JsonObject()
                                .put(
                                        "name",
                                        new JsonObject()
                                                .put("type", "text")
                                                .put("required", true)
                                                .put("maxLength", 100))
                                .put(
                                        "born",
                                        new JsonObject().put("type", "date").put("required", true))
                                .put(
                                        "sex",
                                        new JsonObject()
                                                .put("type", "text")
                                                .put(
                                                        "allowedValues",
                                                        new JsonArray().add("f").add("m")))
                                .put(
                                        "photo",
                                        new JsonObject().put("type", "image").put("maxBytes", 1000)))
                .put(
                        "deduplication",
                        new JsonObject()
                                .put("name", "name")
                                .put("dateOfBirth", "born")
                                .put("gender", "sex"));
    }

    private static JsonObject field(JsonObject document, String name) {
        return document.getJsonObject("fields").getJsonObject(name);
    }

    private static Arguments bad(String description, Consumer<JsonObject> change, String messagePart) {
        return Arguments.of(Named.of(description, change), messagePart);
    }

    static Stream<Arguments> badDocuments() {
        return Stream.of(
                bad("unknown field type", d -> field(d, "name").put("type", "number"), "'number' is unknown"),
                bad("missing field type", d -> field(d, "name").remove("type"), "fields.name.type is required"),
                bad("field type not a string", d -> field(d, "name").put("type", 3), "fields.name.type"),
                bad("negative maxLength", d -> field(d, "name").put("maxLength", -1), "maxLength must be at least 1"),
                bad("zero maxLength", d -> field(d, "name").put("maxLength", 0), "maxLength must be at least 1"),
                bad(
                        "fractional maxLength",
                        d -> field(d, "name").put("maxLength", 2.5),
                        "fields.name.maxLength must be an integer"),
                bad(
                        "maxLength as a string",
                        d -> field(d, "name").put("maxLength", "100"),
                        "fields.name.maxLength must be an integer"),
                bad(
                        "maxLength beyond int",
                        d -> field(d, "name").put("maxLength", 1L << 40),
                        "fields.name.maxLength must be an integer"),
                bad("negative maxBytes", d -> field(d, "photo").put("maxBytes", -5), "maxBytes must be at least 1"),
                bad(
                        "maxLength on a date",
                        d -> field(d, "born").put("maxLength", 10),
                        "maxLength applies only to text"),
                bad("maxBytes on text", d -> field(d, "name").put("maxBytes", 10), "maxBytes applies only to image"),
                bad(
                        "allowedValues on a date",
                        d -> field(d, "born").put("allowedValues", new JsonArray().add("x")),
                        "allowedValues applies only to text"),
                bad(
                        "allowedValues not strings",
                        d -> field(d, "sex").put("allowedValues", new JsonArray().add(1)),
                        "fields.sex.allowedValues[0] must be a string"),
                bad("allowedValues not an array", d -> field(d, "sex").put("allowedValues", "f,m"), "must be an array"),
                bad(
                        "duplicate allowed value",
                        d -> field(d, "sex")
                                .put("allowedValues", new JsonArray().add("f").add("f")),
                        "lists 'f' twice"),
                bad(
                        "blank allowed value",
                        d -> field(d, "sex").put("allowedValues", new JsonArray().add(" ")),
                        "blank"),
                bad(
                        "allowed value longer than maxLength",
                        d -> field(d, "sex").put("maxLength", 1).put("allowedValues", new JsonArray().add("female")),
                        "fit within maxLength"),
                bad(
                        "required not boolean",
                        d -> field(d, "name").put("required", "yes"),
                        "required must be true or false"),
                bad("misspelt field key", d -> field(d, "name").put("maxLenght", 10), "unknown keys [maxLenght]"),
                bad(
                        "field definition not an object",
                        d -> d.getJsonObject("fields").put("name", "text"),
                        "fields.name must be an object"),
                bad(
                        "field name with a slash",
                        d -> d.getJsonObject("fields").put("a/b", new JsonObject().put("type", "text")),
                        "field name 'a/b'"),
                bad("no fields", d -> d.put("fields", new JsonObject()), "fields must be a non-empty object"),
                bad("fields not an object", d -> d.put("fields", new JsonArray()), "fields must be a non-empty object"),
                bad("two-letter language code", d -> d.put("languages", new JsonArray().add("en")), "ISO 639-3"),
                bad("upper-case language code", d -> d.put("languages", new JsonArray().add("ENG")), "ISO 639-3"),
                bad(
                        "duplicate language",
                        d -> d.put("languages", new JsonArray().add("eng").add("eng")),
                        "'eng' twice"),
                bad("no languages", d -> d.put("languages", new JsonArray()), "languages must be a non-empty array"),
                bad("missing languages", d -> d.remove("languages"), "languages must be a non-empty array"),
                bad("unsupported version", d -> d.put("version", 2), "version 2 is not supported"),
                bad("missing version", d -> d.remove("version"), "version is required"),
                bad("version as a string", d -> d.put("version", "1"), "version must be an integer"),
                bad("unknown top-level key", d -> d.put("feilds", new JsonObject()), "unknown keys [feilds]"),
                bad("missing deduplication", d -> d.remove("deduplication"), "deduplication must be an object"),
                bad(
                        "deduplication naming a missing field",
                        d -> d.getJsonObject("deduplication").put("name", "surname"),
                        "deduplication.name names 'surname', which is not a field"),
                bad(
                        "deduplication name pointing at a date",
                        d -> d.getJsonObject("deduplication").put("name", "born"),
                        "deduplication.name names 'born' of type date"),
                bad(
                        "deduplication date pointing at text",
                        d -> d.getJsonObject("deduplication").put("dateOfBirth", "name"),
                        "deduplication.dateOfBirth names 'name' of type text, but must name a field of type date"),
                bad(
                        "deduplication gender pointing at an image",
                        d -> d.getJsonObject("deduplication").put("gender", "photo"),
                        "deduplication.gender names 'photo' of type image"),
                bad(
                        "deduplication role missing",
                        d -> d.getJsonObject("deduplication").remove("gender"),
                        "deduplication.gender is required"),
                bad(
                        "deduplication unknown role",
                        d -> d.getJsonObject("deduplication").put("placeOfBirth", "name"),
                        "unknown keys [placeOfBirth]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDocuments")
    void inconsistentDocumentIsRejectedWithAClearMessage(Consumer<JsonObject> change, String messagePart) {
        JsonObject document = validDocument();
        change.accept(document);

        assertThatThrownBy(() -> IdSchema.fromJson(document))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid ID schema: ")
                .hasMessageContaining(messagePart);
    }

    @Test
    void theUnchangedTestDocumentIsValid() {
        IdSchema schema = IdSchema.fromJson(validDocument());

        assertThat(schema.fields()).extracting(FieldSpec::name).containsExactly("name", "born", "sex", "photo");
    }
}
