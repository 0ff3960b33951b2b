package org.civis.core.schema;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The fields an identity has, as configured by the ID authority in a JSON document. Immutable; build
 * one with {@link #fromJson(JsonObject)}, which rejects inconsistent documents, or use
 * {@link #defaultSchema()}.
 */
public final class IdSchema {

    private static final String DEFAULT_RESOURCE = "default-id-schema.json";

    private final int version;
    private final List<String> languages;
    private final Set<String> languageSet;
    private final List<FieldSpec> fields;
    private final Map<String, FieldSpec> fieldsByName;
    private final DeduplicationFields deduplication;

    IdSchema(int version, List<String> languages, List<FieldSpec> fields, DeduplicationFields deduplication) {
        this.version = version;
        this.languages = List.copyOf(languages);
        this.languageSet = Set.copyOf(languages);
        this.fields = List.copyOf(fields);
        Map<String, FieldSpec> byName = new LinkedHashMap<>();
        for (FieldSpec field : fields) {
            byName.put(field.name(), field);
        }
        this.fieldsByName = Map.copyOf(byName);
        this.deduplication = Objects.requireNonNull(deduplication, "deduplication");
    }

    /**
     * Reads and checks a schema document.
     *
     * @throws IllegalArgumentException if the document is malformed or inconsistent; the message says
     *                                  which part and why
     */
    public static IdSchema fromJson(JsonObject document) {
        return IdSchemaReader.read(Objects.requireNonNull(document, "document"));
    }

    /** The schema shipped with Civis, for authorities that have not configured their own. */
    public static IdSchema defaultSchema() {
        return DefaultHolder.SCHEMA;
    }

    /** The version of the schema document format. */
    public int version() {
        return version;
    }

    /** The ISO 639-3 codes multilingual text may be given in, in configured order. */
    public List<String> languages() {
        return languages;
    }

    /** The fields, in the order the document lists them. */
    public List<FieldSpec> fields() {
        return fields;
    }

    /** The field with that name, or empty when the schema has no such field. */
    public Optional<FieldSpec> field(String name) {
        return Optional.ofNullable(fieldsByName.get(name));
    }

    /** Which fields deduplication compares. */
    public DeduplicationFields deduplication() {
        return deduplication;
    }

    /**
     * The schema as a document that {@link #fromJson(JsonObject)} accepts, with every default limit
     * spelled out, for clients that build their forms from it. A fresh copy on each call.
     */
    public JsonObject toJson() {
        JsonObject definitions = new JsonObject();
        for (FieldSpec field : fields) {
            JsonObject definition =
                    new JsonObject().put("type", field.type().jsonName()).put("required", field.required());
            if (field.type().isText()) {
                definition.put("maxLength", field.maxLength());
            }
            if (!field.allowedValues().isEmpty()) {
                definition.put("allowedValues", new JsonArray(new ArrayList<>(field.allowedValues())));
            }
            if (field.type().isBinary()) {
                definition.put("maxBytes", field.maxBytes());
            }
            definitions.put(field.name(), definition);
        }
        return new JsonObject()
                .put("version", version)
                .put("languages", new JsonArray(new ArrayList<>(languages)))
                .put("fields", definitions)
                .put(
                        "deduplication",
                        new JsonObject()
                                .put("name", deduplication.name())
                                .put("dateOfBirth", deduplication.dateOfBirth())
                                .put("gender", deduplication.gender()));
    }

    boolean allowsLanguage(String code) {
        return languageSet.contains(code);
    }

    /** Loads the bundled default only when first asked for, and only once. */
    private static final class DefaultHolder {
        static final IdSchema SCHEMA = load();

        private static IdSchema load() {
            try (InputStream in = IdSchema.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the default ID schema is missing from the classpath");
                }
                return fromJson(new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the default ID schema", e);
            } catch (DecodeException | IllegalArgumentException e) {
                throw new IllegalStateException("the bundled default ID schema is invalid", e);
            }
        }
    }
}
