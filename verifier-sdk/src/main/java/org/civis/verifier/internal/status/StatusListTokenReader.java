package org.civis.verifier.internal.status;

import com.upokecenter.cbor.CBORObject;
import java.security.Provider;
import java.util.Optional;
import org.civis.verifier.internal.Bounds;
import org.civis.verifier.internal.Step;
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

    public static Step<StatusListToken> read(
            byte[] cbor, String source, KeyRing keys, Bounds limits, Optional<Provider> provider) {
        Step<CoseMessage> message = CoseParser.decode(cbor, limits);
        if (message.isRefused()) {
            return message.refusal();
        }
        if (!(message.value() instanceof CoseMessage.Sign1 sign1)) {
            return Step.refuse(ErrorCode.COSE_STRUCTURE, "a Status List Token is a COSE_Sign1");
        }
        boolean typed = sign1.headers()
                .typ()
                .flatMap(CborValues::asText)
                .filter(TokenStatus.CWT_MEDIA_TYPE::equals)
                .isPresent();
        if (!typed) {
            return Step.refuse(ErrorCode.COSE_STRUCTURE, "typ is not " + TokenStatus.CWT_MEDIA_TYPE);
        }
        Step<SignatureCheck.Outcome> signature = SignatureCheck.check(sign1, keys, new byte[0], provider);
        if (signature.isRefused()) {
            return signature.refusal();
        }
        if (signature.value() instanceof SignatureCheck.Unsigned) {
            return Step.refuse(ErrorCode.SIGNATURE_MISSING, "status list token is unsigned");
        }
        Step<Cwt> claims = CwtReader.read(sign1.payload(), limits);
        if (claims.isRefused()) {
            return claims.refusal();
        }
        return token(claims.value(), source, limits);
    }

    /** The list's claims, all required but ttl, each refused as CWT_CLAIM_INVALID when missing or malformed. */
    private static Step<StatusListToken> token(Cwt claims, String source, Bounds limits) {
        if (claims.subject().isEmpty()) {
            return invalid("status list token has no sub");
        }
        if (claims.issuedAt().isEmpty()) {
            return invalid("status list token has no iat");
        }
        Optional<Long> ttl = Optional.empty();
        Optional<CBORObject> ttlClaim = claims.claim(CwtClaim.TTL);
        if (ttlClaim.isPresent()) {
            ttl = CborValues.asLong(ttlClaim.get()).filter(t -> t > 0);
            if (ttl.isEmpty()) {
                return invalid("ttl is not a positive integer");
            }
        }
        Optional<CBORObject> list = claims.claim(CwtClaim.STATUS_LIST).filter(CborValues::isMap);
        if (list.isEmpty()) {
            return invalid("no status_list map (claim 65533)");
        }
        Optional<Integer> bits = CborValues.asLong(list.get().get(CBORObject.FromObject(TokenStatus.BITS)))
                .filter(b -> b == 1 || b == 2 || b == 4 || b == 8)
                .map(Long::intValue);
        if (bits.isEmpty()) {
            return invalid("bits is not 1, 2, 4 or 8");
        }
        Optional<byte[]> compressed = CborValues.asBytes(list.get().get(CBORObject.FromObject(TokenStatus.LST)));
        if (compressed.isEmpty()) {
            return invalid("lst is not a byte string");
        }
        Step<byte[]> inflated = BoundedInflater.inflate(compressed.get(), limits.maxStatusListBytes());
        if (inflated.isRefused()) {
            return inflated.refusal();
        }
        return Step.ok(new StatusListToken(
                claims.subject().get(),
                claims.issuedAt().get(),
                claims.expiresAt(),
                ttl,
                bits.get(),
                inflated.value(),
                source));
    }

    private static Step<StatusListToken> invalid(String message) {
        return Step.refuse(ErrorCode.CWT_CLAIM_INVALID, message);
    }
}
