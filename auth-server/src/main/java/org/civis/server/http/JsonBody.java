package org.civis.server.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.civis.core.id.ReasonCode;
import org.civis.core.refusal.Refusal;
import org.civis.core.refusal.Result;
import org.civis.core.schema.JsonText;
import org.civis.core.schema.Violation;
import org.civis.core.schema.ViolationCode;

/**
 * Strict reading of a JSON request body: unknown members and wrong types are collected as
 * violations with their paths, and {@link #parsed} refuses the request with all of them at once.
 * A refusal is a value ({@link Result}), answered by {@link Replies} or {@link ErrorResponses#refuse}. Nothing is written before a body has been read completely and found valid. A body whose
 * strings are not acceptable text ({@link JsonText}) is refused as MALFORMED_JSON, and no path or
 * message ever repeats what was sent: an unknown member is reported at the path of the object that
 * holds it.
 */
public final class JsonBody {
    /** Why a body that is valid JSON can still be MALFORMED_JSON here. */
    private static final String NOT_TEXT = "a JSON string holds a control character other than tab, line feed and"
            + " carriage return, or an unpaired surrogate";

    private final JsonObject json;
    private final List<Violation> violations = new ArrayList<>();

    private JsonBody(JsonObject json) {
        this.json = json;
    }

    /** The body, which must be a JSON object sent as application/json. */
    public static Result<JsonBody> of(RoutingContext ctx) {
        if (!MediaTypes.is(ctx.request().getHeader("content-type"), MediaTypes.JSON)) {
            return ErrorResponses.refused(ApiError.UNSUPPORTED_MEDIA_TYPE);
        }
        return parse(ctx.body().buffer());
    }

    /** Like {@link #of}, but an absent body reads as an empty object. */
    public static Result<JsonBody> optional(RoutingContext ctx) {
        Buffer buffer = ctx.body().buffer();
        return buffer == null || buffer.length() == 0 ? Result.accepted(new JsonBody(new JsonObject())) : of(ctx);
    }

    static Result<JsonBody> parse(Buffer buffer) {
        if (buffer == null || buffer.length() == 0) {
            return ErrorResponses.refused(ApiError.MALFORMED_JSON);
        }
        Object value;
        try {
            value = Json.decodeValue(buffer);
        } catch (DecodeException e) {
            // The parser's message quotes the input, which may be personal data: not passed on.
            return ErrorResponses.refused(ApiError.MALFORMED_JSON);
        }
        if (!(value instanceof JsonObject object)) {
            return ErrorResponses.refused(ApiError.MALFORMED_JSON);
        }
        if (!JsonText.isAcceptable(object)) {
            return Result.refused(ApiError.MALFORMED_JSON, NOT_TEXT);
        }
        return Result.accepted(new JsonBody(object));
    }

    /** The whole body, once every check made so far has passed. */
    public Result<JsonObject> json() {
        return parsed(json::copy);
    }

    /**
     * Reports members not named here as one FIELD_UNKNOWN at the body's own path: the unknown names
     * are the client's text, which no answer repeats.
     */
    public JsonBody allowOnly(String... names) {
        Set<String> known = Set.of(names);
        if (!known.containsAll(json.fieldNames())) {
            violations.add(new Violation(
                    "",
                    ViolationCode.FIELD_UNKNOWN,
                    "has members other than " + known.stream().sorted().toList()));
        }
        return this;
    }

    public Optional<String> string(String name, boolean required) {
        return member(name, String.class, "a string", required);
    }

    /** A string naming one constant of {@code type}; anything else is FIELD_VALUE_NOT_ALLOWED. */
    public <E extends Enum<E>> Optional<E> enumValue(String name, Class<E> type, boolean required) {
        return string(name, required).flatMap(value -> {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value)) {
                    return Optional.of(constant);
                }
            }
            add(
                    name,
                    ViolationCode.FIELD_VALUE_NOT_ALLOWED,
                    // The constants are the server's own names, never the client's value.
                    "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
            return Optional.empty();
        });
    }

    /** An optional reason code such as DECEASED (upper case: it is stored in the audit log). */
    public Optional<ReasonCode> reasonCode(String name) {
        return string(name, false).flatMap(value -> {
            if (ReasonCode.isWellFormed(value)) {
                return Optional.of(new ReasonCode(value));
            }
            add(name, ViolationCode.FIELD_VALUE_NOT_ALLOWED, "must be an upper-case code such as DECEASED");
            return Optional.empty();
        });
    }

    public Optional<Boolean> bool(String name, boolean required) {
        return member(name, Boolean.class, "true or false", required);
    }

    public Optional<JsonObject> object(String name, boolean required) {
        return member(name, JsonObject.class, "an object", required);
    }

    public Optional<List<String>> strings(String name, boolean required) {
        Optional<JsonArray> array = member(name, JsonArray.class, "an array of strings", required);
        if (array.isEmpty()) {
            return Optional.empty();
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < array.get().size(); i++) {
            if (array.get().getValue(i) instanceof String s) {
                items.add(s);
            } else {
                violations.add(new Violation("/" + name + "/" + i, ViolationCode.FIELD_TYPE, "must be a string"));
            }
        }
        return Optional.of(items);
    }

    /** A whole number within [min, max]. */
    public Optional<Long> integer(String name, long min, long max, boolean required) {
        Optional<Number> number = member(name, Number.class, "a whole number", required);
        if (number.isEmpty()) {
            return Optional.empty();
        }
        Number n = number.get();
        boolean whole = n instanceof Integer
                || n instanceof Long
                || (n instanceof java.math.BigInteger big && big.bitLength() < 64);
        if (!whole || n.longValue() < min || n.longValue() > max) {
            add(name, ViolationCode.FIELD_VALUE_NOT_ALLOWED, "must be a whole number from " + min + " to " + max);
            return Optional.empty();
        }
        return Optional.of(n.longValue());
    }

    /** Records a violation found by the caller at {@code /name}. */
    public void add(String name, ViolationCode code, String message) {
        violations.add(new Violation("/" + name, code, message));
    }

    /** Adds violations found elsewhere (for example by the ID schema). */
    public void addAll(List<Violation> more) {
        violations.addAll(more);
    }

    /**
     * What the caller built from the body, once every check made so far has passed; otherwise the
     * request refused with every violation collected.
     */
    public <T> Result<T> parsed(Supplier<T> request) {
        if (!violations.isEmpty()) {
            return Result.refused(
                    new Refusal(ApiError.VALIDATION_FAILED, ApiError.VALIDATION_FAILED.message(), violations));
        }
        return Result.accepted(request.get());
    }

    private <T> Optional<T> member(String name, Class<T> type, String description, boolean required) {
        Object value = json.getValue(name);
        if (value == null) {
            if (required) {
                add(name, ViolationCode.FIELD_REQUIRED, "is required");
            }
            return Optional.empty();
        }
        if (!type.isInstance(value)) {
            add(name, ViolationCode.FIELD_TYPE, "must be " + description);
            return Optional.empty();
        }
        return Optional.of(type.cast(value));
    }
}
