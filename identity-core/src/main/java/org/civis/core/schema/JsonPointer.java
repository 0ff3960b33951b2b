package org.civis.core.schema;

/** Builds RFC 6901 JSON pointers, so that violation paths stay unambiguous whatever the key names. */
public final class JsonPointer {

    private JsonPointer() {}

    public static String child(String parent, String key) {
        // '~' first: escaping '/' introduces '~' characters that must not be escaped again.
        return parent + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    public static String child(String parent, int index) {
        return parent + "/" + index;
    }
}
