package org.civis.auth.request;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.civis.core.schema.JsonText;

/** Reads verified or decrypted JOSE payloads as JSON objects without ever echoing their bytes. */
public final class JsonPayloads {

    private JsonPayloads() {}

    /**
     * The bytes as a JSON object, or null if they are not UTF-8 JSON whose top level is an object and whose
     * strings are acceptable text ({@link JsonText}: no NUL or other control character but tab and line breaks).
     * The parser's exception is dropped on purpose: its message can quote the input, which may be personal data.
     */
    public static JsonObject objectOrNull(byte[] bytes) {
        try {
            JsonObject object = new JsonObject(Buffer.buffer(bytes));
            return object.getMap() == null || !JsonText.isAcceptable(object) ? null : object;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
