package org.civis.verifier.internal.cbor;

import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Small, total readers over the CBOR data model: each answers "is it this shape?" without throwing,
 * and a JSON-friendly copy for reports (map keys as strings, byte strings as hex).
 */
public final class CborValues {
    private CborValues() {}

    public static boolean isMap(CBORObject o) {
        return o != null && o.getType() == CBORType.Map;
    }

    public static boolean isArray(CBORObject o) {
        return o != null && o.getType() == CBORType.Array;
    }

    public static boolean isBytes(CBORObject o) {
        return o != null && o.getType() == CBORType.ByteString;
    }

    public static boolean isText(CBORObject o) {
        return o != null && o.getType() == CBORType.TextString;
    }

    /** An integer that fits in a long (untagged). */
    public static Optional<Long> asLong(CBORObject o) {
        if (o != null && !o.isTagged() && o.getType() == CBORType.Integer && o.CanValueFitInInt64()) {
            return Optional.of(o.AsInt64Value());
        }
        return Optional.empty();
    }

    public static Optional<String> asText(CBORObject o) {
        return isText(o) && !o.isTagged() ? Optional.of(o.AsString()) : Optional.empty();
    }

    public static Optional<byte[]> asBytes(CBORObject o) {
        return isBytes(o) && !o.isTagged() ? Optional.of(o.GetByteString()) : Optional.empty();
    }

    /** The key as a report shows it: integers and text as they are, anything else in CBOR diagnostic form. */
    public static String keyName(CBORObject key) {
        Optional<Long> number = asLong(key);
        if (number.isPresent()) {
            return Long.toString(number.get());
        }
        return asText(key).orElseGet(key::toString);
    }

    /** A copy made of String, Long, Double, Boolean, null, List and Map only. */
    public static Object toJsonValue(CBORObject o) {
        if (o == null || o.isNull() || o.isUndefined()) {
            return null;
        }
        CBORObject value = o.isTagged() ? o.Untag() : o;
        switch (value.getType()) {
            case Integer:
                return value.CanValueFitInInt64()
                        ? (Object) value.AsInt64Value()
                        : value.AsNumber().toString();
            case FloatingPoint:
                double d = value.AsDoubleValue();
                return Double.isFinite(d) ? (Object) d : Double.toString(d);
            case Boolean:
                return value.isTrue();
            case TextString:
                return value.AsString();
            case ByteString:
                return HexFormat.of().formatHex(value.GetByteString());
            case Array:
                List<Object> list = new ArrayList<>(value.size());
                for (CBORObject element : value.getValues()) {
                    list.add(toJsonValue(element));
                }
                return list;
            case Map:
                Map<String, Object> map = new LinkedHashMap<>();
                for (var entry : value.getEntries()) {
                    map.put(keyName(entry.getKey()), toJsonValue(entry.getValue()));
                }
                return map;
            default:
                return value.toString();
        }
    }
}
