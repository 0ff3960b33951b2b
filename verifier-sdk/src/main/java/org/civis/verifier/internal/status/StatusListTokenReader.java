package org.civis.verifier.internal.status;

import com.upokecenter.cbor.CBORObject;
import java.security.Provider;
import java.time.Instant;
import java.util.Optional;
import org.civis.verifier.internal.Bounds;
import org.civis.verifier.internal.Rejection;
import org.civis.verifier.internal.cbor.BoundedCbor;
import org.civis.verifier.internal.cbor.CborValues;
import org.civis.verifier.internal.cose.CoseMessage;
import org.civis.verifier.internal.cose.CoseParser;
import org.civis.verifier.internal.cose.SignatureCheck;
import org.civis.verifier.internal.cwt.Cwt;
import org.civis.verifier.internal.cwt.CwtReader;
import org.civis.verifier.internal.envelope.BoundedInflater;
import org.civis.verifier.spec.CwtClaim;
import org.civis.verifier.spec.TokenStatus;
import org.civis.verifier.status.StatusListToken;
import org.civis.verifier.trust.KeyRing;
import org.civis.verifier.verdict.ErrorCode;

/**
 * Checks one Status List Token: a COSE_Sign1 with {@code typ} application/statuslist+cwt, signed by
 * a trusted key (an unsigned list is never trusted), with sub, iat and a well-formed list.
 */
public final class StatusListTokenReader {
    private StatusListTokenReader() {}

    public static StatusListToken read(
            byte[] cbor, String source, KeyRing keys, Bounds limits, Optional<Provider> provider) throws Rejection {
        CoseMessage message = CoseParser.parse(BoundedCbor.decode(cbor, limits), limits);
        if (!(message instanceof CoseMessage.Sign1 sign1)) {
            throw new Rejection(ErrorCode.COSE_STRUCTURE, "a Status List Token is a COSE_Sign1");
        }
        boolean typed = sign1.headers()
                .typ()
                .flatMap(CborValues::asText)
                .filter(TokenStatus.CWT_MEDIA_TYPE::equals)
                .isPresent();
        if (!typed) {
            throw new Rejection(ErrorCode.COSE_STRUCTURE, "typ is not " + TokenStatus.CWT_MEDIA_TYPE);
        }
        if (SignatureCheck.check(sign1, keys, new byte[0], provider) instanceof SignatureCheck.Unsigned) {
            throw new Rejection(ErrorCode.SIGNATURE_MISSING, "status list token is unsigned");
        }
        Cwt claims = CwtReader.read(sign1.payload(), limits);
        String uri = claims.subject()
                .orElseThrow(() -> new Rejection(ErrorCode.CWT_CLAIM_INVALID, "status list token has no sub"));
        Instant issuedAt = claims.issuedAt()
                .orElseThrow(() -> new Rejection(ErrorCode.CWT_CLAIM_INVALID, "status list token has no iat"));
        Optional<Long> ttl = Optional.empty();
        Optional<CBORObject> ttlClaim = claims.claim(CwtClaim.TTL);
        if (ttlClaim.isPresent()) {
            ttl = Optional.of(CborValues.asLong(ttlClaim.get())
                    .filter(t -> t > 0)
                    .orElseThrow(() -> new Rejection(ErrorCode.CWT_CLAIM_INVALID, "ttl is not a positive integer")));
        }
        CBORObject list = claims.claim(CwtClaim.STATUS_LIST)
                .filter(CborValues::isMap)
                .orElseThrow(() -> new Rejection(ErrorCode.CWT_CLAIM_INVALID, "no status_list map (claim 65533)"));
        int bits = CborValues.asLong(list.get(CBORObject.FromObject(TokenStatus.BITS)))
                .filter(b -> b == 1 || b == 2 || b == 4 || b == 8)
                .map(Long::intValue)
                .orElseThrow(() -> new Rejection(ErrorCode.CWT_CLAIM_INVALID, "bits is not 1, 2, 4 or 8"));
        byte[] compressed = CborValues.asBytes(list.get(CBORObject.FromObject(TokenStatus.LST)))
                .orElseThrow(() -> new Rejection(ErrorCode.CWT_CLAIM_INVALID, "lst is not a byte string"));
        byte[] inflated = BoundedInflater.inflate(compressed, limits.maxStatusListBytes());
        return new StatusListToken(uri, issuedAt, claims.expiresAt(), ttl, bits, inflated, source);
    }
}
