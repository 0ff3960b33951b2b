package org.civis.verifier.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.codec.binary.Base45;
import org.civis.verifier.VerificationResult;
import org.civis.verifier.Verifier;
import org.civis.verifier.verdict.ErrorCode;
import org.civis.verifier.verdict.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 9285's examples, and the strictness the verifier relies on from commons-codec's Base45. */
class Base45VectorsTest {
    @Test
    @SuppressWarnings("unchecked")
    void rfc9285ExamplesRoundTrip() {
        Map<String, Object> vectors = Vectors.json("rfc9285/base45-examples.json");
        Base45 base45 = new Base45();
        for (Map<String, Object> example : (List<Map<String, Object>>) vectors.get("encode")) {
            byte[] text = ((String) example.get("text")).getBytes(StandardCharsets.US_ASCII);
            assertThat(base45.encodeToString(text)).isEqualTo(example.get("base45"));
        }
        for (Map<String, Object> example : (List<Map<String, Object>>) vectors.get("decode")) {
            assertThat(new String(base45.decode((String) example.get("base45")), StandardCharsets.US_ASCII))
                    .isEqualTo(example.get("text"));
        }
    }

    /** GGW (65536, from the RFC), a dangling character, lower case, outside the alphabet, a pair above 255. */
    @ParameterizedTest
    @ValueSource(strings = {"GGW", "BB8A", "bb8", "BB!8", "ZZ", "::"})
    void invalidBase45IsRefusedAtTheBase45Stage(String text) {
        VerificationResult result = Verifier.builder().build().verify(text);

        assertThat(result.error().orElseThrow().code()).isEqualTo(ErrorCode.BASE45_INVALID);
        assertThat(result.error().orElseThrow().stage()).isEqualTo(Stage.BASE45);
    }
}
