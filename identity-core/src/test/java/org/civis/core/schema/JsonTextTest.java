package org.civis.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Which strings a request may carry: text, never NUL, other control characters or broken UTF-16. */
class JsonTextTest {

    @Test
    void lettersOfEveryScriptTabsAndLineBreaksAreText() {
        assertThat(JsonText.isAcceptable("Zoë Ångström\tمحمد\r\n王 😀")).isTrue();
    }

    @Test
    void nulOtherControlCharactersAndLoneSurrogatesAreNot() {
        for (String bad :
                new String[] {"a\u0000b", "\u001b[31m", "bell\u0007", "del\u007f", "c1\u0085", "\ud800", "x\udc00"}) {
            assertThat(JsonText.isAcceptable(bad)).as(bad).isFalse();
        }
    }

    @Test
    void everyStringOfADocumentIsCheckedMemberNamesIncluded() {
        JsonObject clean = new JsonObject()
                .put("name", "Bank")
                .put("policy", new JsonObject().put("kycAttributes", new JsonArray().add("phone")))
                .put("count", 3)
                .putNull("nothing");
        assertThat(JsonText.isAcceptable(clean)).isTrue();
        assertThat(JsonText.isAcceptable(clean.copy().put("na\u0000me", 1))).isFalse();
        JsonObject deep = clean.copy();
        deep.getJsonObject("policy").getJsonArray("kycAttributes").add("phone\u0000");
        assertThat(JsonText.isAcceptable(deep)).isFalse();
    }

    @Test
    void aDeeplyNestedDocumentDoesNotExhaustTheStack() {
        JsonArray nested = new JsonArray().add("end\u0000");
        for (int i = 0; i < 100_000; i++) {
            nested = new JsonArray().add(nested);
        }
        assertThat(JsonText.isAcceptable(nested)).isFalse();
    }
}
