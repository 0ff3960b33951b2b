package org.civis.verifier;

import com.upokecenter.cbor.CBORObject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Map;
import org.civis.verifier.internal.cose.ToBeSigned;
import org.civis.verifier.spec.CoseAlgorithm;
import org.civis.verifier.spec.CoseHeader;

/** Builds Status List Tokens (CWT form) as an issuer would, for tests. */
final class TestStatusList {
    private TestStatusList() {}

    /** A list of {@code bits}-bit entries, {@code values} set at their indexes, the rest 0. */
    static byte[] token(
            KeyPair pair,
            String kid,
            String uri,
            long iat,
            Long exp,
            int bits,
            int size,
            Map<Integer, Integer> values) {
        byte[] list = new byte[(size * bits + 7) / 8];
        values.forEach((index, value) -> {
            int bit = index * bits;
            list[bit / 8] |= (byte) (value << (bit % 8));
        });
        CBORObject claims = CBORObject.NewMap()
                .Add(2, uri)
                .Add(6, iat)
                .Add(65534, 43_200)
                .Add(65533, CBORObject.NewMap().Add("bits", bits).Add("lst", TestIssuer.zlib(list)));
        if (exp != null) {
            claims.Add(4, exp);
        }
        byte[] protectedBytes = CBORObject.NewMap()
                .Add(CoseHeader.ALG, CoseAlgorithm.EDDSA.id())
                .Add(CoseHeader.KID, kid.getBytes(StandardCharsets.UTF_8))
                .Add(CoseHeader.TYP, "application/statuslist+cwt")
                .EncodeToBytes();
        byte[] payload = claims.EncodeToBytes();
        byte[] signature =
                TestIssuer.sign(CoseAlgorithm.EDDSA, pair, ToBeSigned.sign1(protectedBytes, new byte[0], payload));
        CBORObject sign1 = CBORObject.NewArray()
                .Add(protectedBytes)
                .Add(CBORObject.NewMap())
                .Add(payload)
                .Add(signature);
        return CBORObject.FromObjectAndTag(sign1, 18).EncodeToBytes();
    }

    /** A credential referencing index {@code idx} of {@code uri}, as QR text. */
    static String credential(KeyPair pair, String kid, String uri, long idx, boolean wrapped) {
        CBORObject reference = CBORObject.NewMap().Add("idx", idx).Add("uri", uri);
        CBORObject status = wrapped ? CBORObject.NewMap().Add("status_list", reference) : reference;
        CBORObject claims = TestIssuer.claims(RoundTripTest.IAT, RoundTripTest.EXP, null, TestIssuer.identity())
                .Add(65535, status);
        return TestIssuer.qrText(TestIssuer.sign1(
                        CoseAlgorithm.EDDSA, pair, kid.getBytes(StandardCharsets.UTF_8), claims.EncodeToBytes())
                .EncodeToBytes());
    }
}
