package org.civis.core.schema;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * The text Civis accepts inside a JSON document: every string, member names included, is well-formed
 * Unicode without control characters, except tab, line feed and carriage return. PostgreSQL text and
 * jsonb cannot hold U+0000, a lone surrogate cannot be encoded as UTF-8, and the other control
 * characters have no place in names, addresses or identifiers; refusing them where a request is read
 * means no layer behind it has to.
 */
public final class JsonText {

    private JsonText() {}

    /** True when every string in {@code value} (an object, array, string or scalar) is acceptable text. */
    public static boolean isAcceptable(Object value) {
        // Iterative, so that a deeply nested document cannot exhaust the stack.
        Deque<Object> pending = new ArrayDeque<>();
        pending.push(value);
        while (!pending.isEmpty()) {
            Object next = pending.pop();
            if (next instanceof JsonObject object) {
                for (Map.Entry<String, Object> member : object) {
                    if (!isAcceptable(member.getKey())) {
                        return false;
                    }
                    pushIfPresent(pending, member.getValue());
                }
            } else if (next instanceof JsonArray array) {
                array.forEach(item -> pushIfPresent(pending, item));
            } else if (next instanceof String text && !isAcceptable(text)) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code text} is well-formed UTF-16 and holds no control character but tab, LF and CR. */
    public static boolean isAcceptable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static void pushIfPresent(Deque<Object> pending, Object value) {
        if (value != null) {
            pending.push(value);
        }
    }
}
