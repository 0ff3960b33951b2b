package org.civis.server.partnerapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.DisallowUnknownKeywordFactory;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.nimbusds.jose.JOSEObject;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.jwk.ECKey;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.civis.server.HttpClientForTests.Reply;

/**
 * The OpenAPI document as a contract: checks real responses against the schema it declares for
 * their path, method, status and media type (for JOSE answers also the signed payload, via
 * {@code x-jws-payload}), and remembers which operations were exercised.
 */
final class OpenApiContract {
    private static final String BASE = "https://civis.invalid/openapi.json";
    private static final List<String> DOCUMENT_MEMBERS =
            List.of("openapi", "info", "servers", "tags", "paths", "components");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Pattern PATH_PARAMETER = Pattern.compile(":([A-Za-z]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    final String text;
    private final JsonNode document;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final Set<String> exercised = ConcurrentHashMap.newKeySet();

    private OpenApiContract(String text) throws IOException {
        this.text = text;
        this.document = JSON.readTree(text);
        // JSON Schema 2020-12, strict: an unknown keyword in a schema (a typo) fails instead of being ignored.
        JsonMetaSchema dialect = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                .keywords(
                        DOCUMENT_MEMBERS.stream().map(NonValidationKeyword::new).toList())
                .unknownKeywordFactory(DisallowUnknownKeywordFactory.getInstance())
                .build();
        this.factory =
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder.metaSchema(dialect)
                        .schemaLoaders(loaders -> loaders.schemas(Map.of(BASE, text))));
    }

    /** The document as the server ships it. */
    static OpenApiContract load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(OpenApiDocument.RESOURCE)) {
            return new OpenApiContract(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "METHOD /path" of every documented operation, with its first tag. */
    Map<String, String> operations() {
        Map<String, String> operations = new TreeMap<>();
        document.get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(member -> {
                    if (METHODS.contains(member.getKey())) {
                        operations.put(
                                member.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(),
                                member.getValue().at("/tags/0").asText());
                    }
                }));
        return operations;
    }

    /** The documented operations carrying one of these tags. */
    Set<String> operationsTagged(Set<String> tags) {
        Set<String> tagged = new TreeSet<>();
        operations().forEach((operation, tag) -> {
            if (tags.contains(tag)) {
                tagged.add(operation);
            }
        });
        return tagged;
    }

    Set<String> exercised() {
        return Set.copyOf(exercised);
    }

    /** "METHOD /path" of every route of the router that has a path and methods, in OpenAPI path form. */
    static Set<String> routes(Router router) {
        Set<String> routes = new TreeSet<>();
        for (Route route : router.getRoutes()) {
            if (route.getPath() != null && route.methods() != null) {
                String path = PATH_PARAMETER.matcher(route.getPath()).replaceAll("{$1}");
                route.methods().forEach(method -> routes.add(method.name() + " " + path));
            }
        }
        return routes;
    }

    /** Checks a response of a documented operation; returns its JSON (for JOSE: the signed payload). */
    JsonObject check(String method, String path, Reply reply) {
        return check(method, path, reply, null);
    }

    /** As {@link #check(String, String, Reply)}, opening a sealed e-KYC answer with the partner's key. */
    JsonObject check(String method, String path, Reply reply, ECKey partnerKey) {
        String operation = "/paths/" + escape(path) + "/" + method.toLowerCase(Locale.ROOT);
        assertThat(document.at(operation).isObject())
                .as("%s %s is documented", method, path)
                .isTrue();
        JsonObject checked = checkResponse(operation + "/responses/" + reply.status(), reply, partnerKey);
        exercised.add(method.toUpperCase(Locale.ROOT) + " " + path);
        return checked;
    }

    /**
     * Checks a request body the server accepted against the operation's request schema (for JOSE:
     * the signed payload's schema), so the document never refuses what the server takes.
     */
    void checkAccepted(String method, String path, JsonObject body) {
        String content = "/paths/" + escape(path) + "/" + method.toLowerCase(Locale.ROOT) + "/requestBody/content/";
        String schema = document.at(content + "application~1json").isObject()
                ? content + "application~1json/schema"
                : content + "application~1jose/x-jws-payload";
        assertThat(problems(schema, body.encode()))
                .as("%s %s %s", method, path, body)
                .isEmpty();
    }

    /** Checks an answer that no operation declares (an unrouted path, a wrong method) against components/responses. */
    JsonObject checkShared(String response, Reply reply) {
        return checkResponse("/components/responses/" + response, reply, null);
    }

    /** The pointer of the schema an operation declares for a status and media type. */
    static String schemaOf(String method, String path, int status, String mediaType) {
        return "/paths/" + escape(path) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/" + status + "/content/"
                + escape(mediaType) + "/schema";
    }

    /** What is wrong with {@code json} according to the schema at {@code pointer}; empty when it conforms. */
    Set<ValidationMessage> problems(String pointer, String json) {
        try {
            return problems(pointer, JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Set<ValidationMessage> problems(String pointer, JsonNode value) {
        assertThat(document.at(pointer).isMissingNode())
                .as("%s is in the document", pointer)
                .isFalse();
        // The fragment is a JSON pointer into the document; path templates carry braces, which a URI escapes.
        String fragment = pointer.replace("{", "%7B").replace("}", "%7D");
        return schemas.computeIfAbsent(
                        pointer, p -> factory.getSchema(SchemaLocation.of(BASE + "#" + fragment), config))
                .validate(value);
    }

    private JsonObject checkResponse(String pointer, Reply reply, ECKey partnerKey) {
        String answer = reply.status() + " " + reply.contentType() + " " + reply.body();
        assertThat(document.at(pointer).isObject())
                .as("status is documented at %s: %s", pointer, answer)
                .isTrue();
        String mediaType = reply.contentType() == null
                ? ""
                : reply.contentType().split(";")[0].trim().toLowerCase(Locale.ROOT);
        String content = pointer + "/content/" + escape(mediaType);
        assertThat(document.at(content).isObject())
                .as("media type is documented at %s: %s", content, answer)
                .isTrue();
        if (mediaType.equals("application/json") || mediaType.endsWith("+json")) {
            assertThat(problems(content + "/schema", reply.body())).as(answer).isEmpty();
            return new JsonObject(reply.body());
        }
        if (!mediaType.equals("application/jose")) {
            // Text and binary answers (PEM, PNG, CWT): the schema describes them as strings.
            assertThat(problems(content + "/schema", TextNode.valueOf(reply.body())))
                    .as(answer)
                    .isEmpty();
            return new JsonObject();
        }
        assertThat(problems(content + "/schema", TextNode.valueOf(reply.body())))
                .as(answer)
                .isEmpty();
        String payload = payload(reply.body(), partnerKey);
        assertThat(problems(content + "/x-jws-payload", payload)).as(payload).isEmpty();
        return new JsonObject(payload);
    }

    /** The payload of a compact JWS, or of the JWS inside a compact JWE. Signatures are checked elsewhere. */
    private static String payload(String jose, ECKey partnerKey) {
        try {
            JOSEObject object = JOSEObject.parse(jose);
            if (object instanceof JWEObject jwe) {
                assertThat(partnerKey).as("a key to open the sealed answer").isNotNull();
                jwe.decrypt(new ECDHDecrypter(partnerKey));
                object = JWSObject.parse(jwe.getPayload().toString());
            }
            return object.getPayload().toString();
        } catch (Exception e) {
            throw new AssertionError("not a readable JOSE answer: " + jose, e);
        }
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
