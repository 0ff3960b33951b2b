package org.civis.verifier.internal.claim169;

import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civis.verifier.claims.Biometric;
import org.civis.verifier.claims.Claim169;
import org.civis.verifier.internal.Bounds;
import org.civis.verifier.internal.Step;
import org.civis.verifier.internal.cbor.BoundedCbor;
import org.civis.verifier.internal.cbor.CborValues;
import org.civis.verifier.internal.cwt.Cwt;
import org.civis.verifier.spec.Claim169Field;
import org.civis.verifier.spec.CwtClaim;
import org.civis.verifier.verdict.ErrorCode;

/**
 * Reads claim 169 out of a CWT. Lenient about the shapes issuers are known to write, strict about
 * a known field holding the wrong type: a card whose name is a number is refused, not guessed at.
 */
public final class Claim169Reader {
    private Claim169Reader() {}

    public static Step<Claim169> read(Cwt cwt, Bounds limits) {
        Optional<CBORObject> value = cwt.claimLenient(CwtClaim.IDENTITY_DATA);
        if (value.isEmpty()) {
            return Step.refuse(ErrorCode.CLAIM169_MISSING, "no claim 169");
        }
        CBORObject map = value.get();
        if (CborValues.isBytes(map)) {
            // Some issuers wrap the map in a byte string (a CBOR-encoded map inside the CWT).
            Step<CBORObject> decoded = BoundedCbor.decode(map.GetByteString(), limits);
            if (decoded.isRefused()) {
                return Step.refuse(ErrorCode.CLAIM169_INVALID, "claim 169 byte string does not hold CBOR");
            }
            map = decoded.value();
        }
        if (!CborValues.isMap(map) || map.isTagged()) {
            return Step.refuse(ErrorCode.CLAIM169_INVALID, "claim 169 is not a map");
        }
        return fields(map);
    }

    private static Step<Claim169> fields(CBORObject map) {
        Map<Claim169Field, String> texts = new EnumMap<>(Claim169Field.class);
        Map<Claim169Field, Long> codes = new EnumMap<>(Claim169Field.class);
        Map<Claim169Field, List<Biometric>> biometrics = new EnumMap<>(Claim169Field.class);
        Map<String, Object> others = new LinkedHashMap<>();
        List<Long> fingers = new ArrayList<>();
        byte[] photo = null;
        for (var entry : map.getEntries()) {
            Optional<Long> key = key(entry.getKey());
            Optional<Claim169Field> field = key.flatMap(Claim169Field::byKey);
            if (field.isEmpty()) {
                others.put(CborValues.keyName(entry.getKey()), CborValues.toJsonValue(entry.getValue()));
                continue;
            }
            Claim169Field f = field.get();
            CBORObject value = entry.getValue();
            if (texts.containsKey(f)
                    || codes.containsKey(f)
                    || biometrics.containsKey(f)
                    || (f == Claim169Field.PHOTO && photo != null)
                    || (f == Claim169Field.BEST_QUALITY_FINGERS && !fingers.isEmpty())) {
                return Step.refuse(
                        ErrorCode.CLAIM169_INVALID, f.jsonName() + " appears twice (as number and text key)");
            }
            switch (f.shape()) {
                case TEXT -> {
                    Optional<String> text = CborValues.asText(value);
                    if (text.isEmpty()) {
                        return invalid(f, "a text string");
                    }
                    texts.put(f, text.get());
                }
                case INT -> {
                    Optional<Long> code = CborValues.asLong(value);
                    if (code.isEmpty()) {
                        return invalid(f, "an integer");
                    }
                    codes.put(f, code.get());
                }
                case BYTES -> {
                    Optional<byte[]> bytes = bytes(value);
                    if (bytes.isEmpty()) {
                        return invalid(f, "a byte string");
                    }
                    photo = bytes.get();
                }
                case INT_ARRAY -> {
                    Optional<List<Long>> integers = integers(value);
                    if (integers.isEmpty()) {
                        return invalid(f, "an array of integers");
                    }
                    fingers.addAll(integers.get());
                }
                case BIOMETRICS -> {
                    Step<List<Biometric>> entries = biometricEntries(value, f);
                    if (entries.isRefused()) {
                        return entries.refusal();
                    }
                    biometrics.put(f, entries.value());
                }
            }
        }
        return Step.ok(new Claim169(texts, codes, photo, fingers, biometrics, others));
    }

    /** An integer key, or a key written as a string of digits ("4"). */
    private static Optional<Long> key(CBORObject key) {
        Optional<Long> number = CborValues.asLong(key);
        if (number.isPresent()) {
            return number;
        }
        return CborValues.asText(key)
                .filter(t -> !t.isEmpty() && t.length() <= 9 && t.chars().allMatch(c -> c >= '0' && c <= '9'))
                .map(Long::parseLong);
    }

    /** The photo: a byte string as issuers write it, or the text the spec's table names (its UTF-8 bytes). */
    private static Optional<byte[]> bytes(CBORObject value) {
        return CborValues.asBytes(value)
                .or(() -> CborValues.asText(value).map(t -> t.getBytes(StandardCharsets.UTF_8)));
    }

    /** The integers of an array, or empty when it is not an array of integers. */
    private static Optional<List<Long>> integers(CBORObject value) {
        if (!CborValues.isArray(value)) {
            return Optional.empty();
        }
        List<Long> result = new ArrayList<>();
        for (CBORObject element : value.getValues()) {
            Optional<Long> integer = CborValues.asLong(element);
            if (integer.isEmpty()) {
                return Optional.empty();
            }
            result.add(integer.get());
        }
        return Optional.of(result);
    }

    /** An array of entries, or (leniently) one entry on its own, as some issuers write the face. */
    private static Step<List<Biometric>> biometricEntries(CBORObject value, Claim169Field field) {
        List<Biometric> result = new ArrayList<>();
        if (CborValues.isMap(value)) {
            Step<Biometric> entry = biometric(value, field);
            if (entry.isRefused()) {
                return entry.refusal();
            }
            result.add(entry.value());
        } else if (CborValues.isArray(value)) {
            for (CBORObject element : value.getValues()) {
                Step<Biometric> entry = biometric(element, field);
                if (entry.isRefused()) {
                    return entry.refusal();
                }
                result.add(entry.value());
            }
        } else {
            return invalid(field, "a biometric entry or an array of them");
        }
        return Step.ok(result);
    }

    private static Step<Biometric> biometric(CBORObject entry, Claim169Field field) {
        if (!CborValues.isMap(entry) || entry.getType() != CBORType.Map) {
            return invalid(field, "a map per biometric entry");
        }
        CBORObject data = lenientGet(entry, Claim169Field.BIOMETRIC_DATA);
        Optional<byte[]> bytes = data == null ? Optional.of(new byte[0]) : CborValues.asBytes(data);
        if (bytes.isEmpty()) {
            return invalid(field, "data as a byte string");
        }
        CBORObject format = lenientGet(entry, Claim169Field.BIOMETRIC_FORMAT);
        CBORObject subFormat = lenientGet(entry, Claim169Field.BIOMETRIC_SUB_FORMAT);
        if ((format != null && CborValues.asLong(format).isEmpty())
                || (subFormat != null && CborValues.asLong(subFormat).isEmpty())) {
            return invalid(field, "integer format codes");
        }
        CBORObject issuer = lenientGet(entry, Claim169Field.BIOMETRIC_ISSUER);
        if (issuer != null && CborValues.asText(issuer).isEmpty()) {
            return invalid(field, "a text issuer");
        }
        return Step.ok(new Biometric(
                bytes.get(),
                format == null ? Optional.empty() : CborValues.asLong(format),
                subFormat == null ? Optional.empty() : CborValues.asLong(subFormat),
                issuer == null ? Optional.empty() : CborValues.asText(issuer)));
    }

    private static CBORObject lenientGet(CBORObject map, int key) {
        CBORObject value = map.get(CBORObject.FromObject(key));
        return value != null ? value : map.get(CBORObject.FromObject(Integer.toString(key)));
    }

    private static <T> Step<T> invalid(Claim169Field field, String expected) {
        return Step.refuse(ErrorCode.CLAIM169_INVALID, field.jsonName() + " (" + field.key() + ") is not " + expected);
    }
}
