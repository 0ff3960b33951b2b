package org.civis.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.tuple;
import static org.civis.core.schema.SampleIdentities.fullIdentity;
import static org.civis.core.schema.SampleIdentities.validate;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Input is parsed JSON, so any field can hold any JSON type; the wrong one is a violation, not an exception. */
class WrongJsonTypeTest {

    private static final List<Named<Object>> ANY_JSON_VALUE = List.of(
            Named.of("integer", 42),
            Named.of("big integer", new BigInteger("123456789012345678901234567890")),
            Named.of("decimal", 3.5),
            Named.of("big decimal", new BigDecimal("1.5E+400")),
            Named.of("true", true),
            Named.of("false", false),
            Named.of("string", "1990-01-01"),
            Named.of("empty array", new JsonArray()),
            Named.of("array", new JsonArray().add("eng").add(1)),
            Named.of("empty object", new JsonObject()),
            Named.of("object", new JsonObject().put("eng", 1)));

    /** Which JSON values have the right type for each field of the default schema. */
    private static final Map<String, Class<?>> EXPECTED_TYPE = Map.of(
            "fullName", JsonObject.class,
            "dateOfBirth", String.class,
            "gender", String.class,
            "address", JsonObject.class,
            "phone", String.class,
            "email", String.class,
            "nationality", String.class,
            "photo", JsonObject.class,
            "fingerprints", JsonArray.class);

    static Stream<Arguments> fieldsWithWrongTypes() {
        return EXPECTED_TYPE.entrySet().stream().flatMap(field -> ANY_JSON_VALUE.stream()
                .filter(value -> !field.getValue().isInstance(value.getPayload()))
                .map(value -> Arguments.of(field.getKey(), value)));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("fieldsWithWrongTypes")
    void wrongTypeInATopLevelFieldIsFieldType(String field, Object value) {
        JsonObject identity = fullIdentity().put(field, value);

        assertThat(validate(identity))
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("/identity/" + field, ViolationCode.FIELD_TYPE));
    }

    static Stream<Arguments> everyFieldWithEveryValue() {
        return EXPECTED_TYPE.keySet().stream()
                .flatMap(field -> ANY_JSON_VALUE.stream().map(value -> Arguments.of(field, value)));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("everyFieldWithEveryValue")
    void noValueInAnyFieldMakesTheValidatorThrow(String field, Object value) {
        JsonObject identity = fullIdentity().put(field, value);

        assertThatCode(() -> validate(identity)).doesNotThrowAnyException();
    }

    static Stream<Arguments> nestedMembersWithWrongTypes() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (Named<Object> value : ANY_JSON_VALUE) {
            if (value.getPayload() instanceof String) {
                continue;
            }
            cases.add(nested(
                    "/identity/fullName/eng",
                    id -> id.getJsonObject("fullName").put("eng", value.getPayload()),
                    value));
            cases.add(nested(
                    "/identity/address/swa", id -> id.getJsonObject("address").put("swa", value.getPayload()), value));
            cases.add(nested(
                    "/identity/photo/format",
                    id -> id.getJsonObject("photo").put("format", value.getPayload()),
                    value));
            cases.add(nested(
                    "/identity/photo/data", id -> id.getJsonObject("photo").put("data", value.getPayload()), value));
            if (!(value.getPayload() instanceof JsonObject)) {
                cases.add(nested(
                        "/identity/fingerprints/0",
                        id -> id.getJsonArray("fingerprints").set(0, value.getPayload()),
                        value));
            }
            for (String member : List.of("position", "format", "data", "dpi")) {
                boolean wholeNumber = value.getPayload() instanceof Integer || value.getPayload() instanceof BigInteger;
                if (member.equals("dpi") && wholeNumber) {
                    continue;
                }
                cases.add(nested(
                        "/identity/fingerprints/0/" + member,
                        id -> id.getJsonArray("fingerprints").getJsonObject(0).put(member, value.getPayload()),
                        value));
            }
        }
        cases.add(nested(
                "/identity/fullName/eng", id -> id.getJsonObject("fullName").putNull("eng"), Named.of("null", null)));
        cases.add(nested(
                "/identity/fingerprints/0",
                id -> id.getJsonArray("fingerprints").set(0, null),
                Named.of("null", null)));
        cases.add(nested(
                "/identity/fingerprints/0/dpi",
                id -> id.getJsonArray("fingerprints").getJsonObject(0).put("dpi", "500"),
                Named.of("string", "500")));
        return cases.build();
    }

    private static Arguments nested(String path, Consumer<JsonObject> change, Named<Object> value) {
        return Arguments.of(path, Named.of(value.getName(), change));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("nestedMembersWithWrongTypes")
    void wrongTypeInANestedMemberIsFieldTypeAtThatMember(String path, Consumer<JsonObject> change) {
        JsonObject identity = fullIdentity();
        change.accept(identity);

        assertThat(validate(identity))
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple(path, ViolationCode.FIELD_TYPE));
    }
}
