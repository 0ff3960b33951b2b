package org.civis.core.schema;

import io.vertx.core.json.JsonObject;
import java.util.Set;

/** The member checks shared by the structured types (image, fingerprint entry). */
final class ObjectMembers {

    private ObjectMembers() {}

    /** One FIELD_UNKNOWN at the object's own path if it has other members: their names are not repeated. */
    static void reportUnknown(JsonObject object, Set<String> known, String path, ViolationCollector violations) {
        if (!known.containsAll(object.fieldNames())) {
            violations.add(
                    path,
                    ViolationCode.FIELD_UNKNOWN,
                    "has members other than " + known.stream().sorted().toList());
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
