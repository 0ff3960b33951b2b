package org.civis.issuer.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.upokecenter.cbor.CBORObject;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.codec.binary.Hex;
import org.civis.issuer.encoding.Zlib;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bit packing and compression against the Token Status List draft's own examples (see vectors/README.md). */
class StatusListVectorsTest {

    @ParameterizedTest
    @ValueSource(strings = {"oneBit", "twoBits"})
    void packingTheDraftsStatusesGivesTheDraftsBytes(String name) throws Exception {
        JsonObject vector = vectors().getJsonObject(name);
        int bits = vector.getInteger("bits");
        var statuses = vector.getJsonArray("statuses");
        StatusList list = new StatusList(statuses.size(), bits);
        for (int i = 0; i < statuses.size(); i++) {
            list.set(i, statuses.getInteger(i));
        }
        assertThat(Hex.encodeHexString(list.bytes())).isEqualTo(vector.getString("bytes"));
        for (int i = 0; i < statuses.size(); i++) {
            assertThat(list.get(i)).as("status[%d]", i).isEqualTo(statuses.getInteger(i));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"oneBit", "twoBits"})
    void theDraftsCborStatusListInflatesToTheDraftsBytesAndOursCompressesTheSame(String name) throws Exception {
        JsonObject vector = vectors().getJsonObject(name);
        CBORObject draft = CBORObject.DecodeFromBytes(Hex.decodeHex(vector.getString("statusListCbor")));
        assertThat(draft.get("bits").AsInt32Value()).isEqualTo(vector.getInteger("bits"));
        byte[] lst = draft.get("lst").GetByteString();
        byte[] bytes = Hex.decodeHex(vector.getString("bytes"));
        assertThat(Zlib.decompress(lst, 1024)).isEqualTo(bytes);
        // Both use zlib at level 9 over the same bytes.
        assertThat(StatusList.of(bytes, vector.getInteger("bits")).compressed()).isEqualTo(lst);
    }

    static JsonObject vectors() throws IOException {
        try (InputStream in = StatusListVectorsTest.class.getResourceAsStream("/vectors/token-status-list.json")) {
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
