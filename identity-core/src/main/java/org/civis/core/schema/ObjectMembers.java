package org.civis.core.schema;

import io.vertx.core.json.JsonObject;
import java.util.Set;

/** The member checks shared by the structured types (image, fingerprint entry). */
final class ObjectMembers {

    private ObjectMembers() {}

    static void reportUnknown(JsonObject object, Set<String> known, String path, ViolationCollector violations) {
        for (String key : object.fieldNames()) {
            if (!known.contains(key)) {
                violations.add(
                        JsonPointer.child(path, key),
                        ViolationCode.FIELD_UNKNOWN,
                        "is not one of the members " + known.stream().sorted().toList());
            }
        }
    }

    /** The member's string value, or null after reporting why there is none usable. */
    static String requiredString(JsonObject object, String key, String path, ViolationCollector violations) {
        String memberPath = JsonPointer.child(path, key);
        Object value = object.getValue(key);
        if (value == null) {
            violations.add(memberPath, ViolationCode.FIELD_REQUIRED, "is required");
            return null;
        }
        if (!(value instanceof String text)) {
            violations.add(memberPath, ViolationCode.FIELD_TYPE, "must be a string");
            return null;
        }
        return text;
    }
}
