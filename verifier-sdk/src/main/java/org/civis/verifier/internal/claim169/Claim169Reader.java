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
import org.civis.verifier.internal.Rejection;
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

    public static Claim169 read(Cwt cwt, Bounds limits) throws Rejection {
        CBORObject value = cwt.claimLenient(CwtClaim.IDENTITY_DATA)
                .orElseThrow(() -> new Rejection(ErrorCode.CLAIM169_MISSING, "no claim 169"));
        CBORObject map = value;
        if (CborValues.isBytes(map)) {
            // Some issuers wrap the map in a byte string (a CBOR-encoded map inside the CWT).
            try {
                map = BoundedCbor.decode(map.GetByteString(), limits);
            } catch (Rejection e) {
                throw new Rejection(ErrorCode.CLAIM169_INVALID, "claim 169 byte string does not hold CBOR");
            }
        }
        if (!CborValues.isMap(map) || map.isTagged()) {
            throw new Rejection(ErrorCode.CLAIM169_INVALID, "claim 169 is not a map");
        }
        return fields(map);
    }

    private static Claim169 fields(CBORObject map) throws Rejection {
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
                throw new Rejection(
                        ErrorCode.CLAIM169_INVALID, f.jsonName() + " appears twice (as number and text key)");
            }
            switch (f.shape()) {
                case TEXT -> texts.put(f, text(value, f));
                case INT -> codes.put(f, integer(value, f));
                case BYTES -> photo = bytes(value, f);
                case INT_ARRAY -> fingers.addAll(integers(value, f));
                case BIOMETRICS -> biometrics.put(f, biometricEntries(value, f));
            }
        }
        return new Claim169(texts, codes, photo, fingers, biometrics, others);
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

    private static String text(CBORObject value, Claim169Field field) throws Rejection {
        return CborValues.asText(value).orElseThrow(() -> invalid(field, "a text string"));
    }

    private static long integer(CBORObject value, Claim169Field field) throws Rejection {
        return CborValues.asLong(value).orElseThrow(() -> invalid(field, "an integer"));
    }

    /** The photo: a byte string as issuers write it, or the text the spec's table names (its UTF-8 bytes). */
    private static byte[] bytes(CBORObject value, Claim169Field field) throws Rejection {
        Optional<byte[]> bytes = CborValues.asBytes(value)
                .or(() -> CborValues.asText(value).map(t -> t.getBytes(StandardCharsets.UTF_8)));
        return bytes.orElseThrow(() -> invalid(field, "a byte string"));
    }

    private static List<Long> integers(CBORObject value, Claim169Field field) throws Rejection {
        if (!CborValues.isArray(value)) {
            throw invalid(field, "an array of integers");
        }
        List<Long> result = new ArrayList<>();
        for (CBORObject element : value.getValues()) {
            result.add(CborValues.asLong(element).orElseThrow(() -> invalid(field, "an array of integers")));
        }
        return result;
    }

    /** An array of entries, or (leniently) one entry on its own, as some issuers write the face. */
    private static List<Biometric> biometricEntries(CBORObject value, Claim169Field field) throws Rejection {
        List<Biometric> result = new ArrayList<>();
        if (CborValues.isMap(value)) {
            result.add(biometric(value, field));
        } else if (CborValues.isArray(value)) {
            for (CBORObject element : value.getValues()) {
                result.add(biometric(element, field));
            }
        } else {
            throw invalid(field, "a biometric entry or an array of them");
        }
        return result;
    }

    private static Biometric biometric(CBORObject entry, Claim169Field field) throws Rejection {
        if (!CborValues.isMap(entry) || entry.getType() != CBORType.Map) {
            throw invalid(field, "a map per biometric entry");
        }
        CBORObject data = lenientGet(entry, Claim169Field.BIOMETRIC_DATA);
        byte[] bytes = data == null
                ? new byte[0]
                : CborValues.asBytes(data).orElseThrow(() -> invalid(field, "data as a byte string"));
        return new Biometric(
                bytes,
                optionalInteger(lenientGet(entry, Claim169Field.BIOMETRIC_FORMAT), field),
                optionalInteger(lenientGet(entry, Claim169Field.BIOMETRIC_SUB_FORMAT), field),
                optionalText(lenientGet(entry, Claim169Field.BIOMETRIC_ISSUER), field));
    }

    private static CBORObject lenientGet(CBORObject map, int key) {
        CBORObject value = map.get(CBORObject.FromObject(key));
        return value != null ? value : map.get(CBORObject.FromObject(Integer.toString(key)));
    }

    private static Optional<Long> optionalInteger(CBORObject value, Claim169Field field) throws Rejection {
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(CborValues.asLong(value).orElseThrow(() -> invalid(field, "integer format codes")));
    }

    private static Optional<String> optionalText(CBORObject value, Claim169Field field) throws Rejection {
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(CborValues.asText(value).orElseThrow(() -> invalid(field, "a text issuer")));
    }

    private static Rejection invalid(Claim169Field field, String expected) {
        return new Rejection(
                ErrorCode.CLAIM169_INVALID, field.jsonName() + " (" + field.key() + ") is not " + expected);
    }
}
