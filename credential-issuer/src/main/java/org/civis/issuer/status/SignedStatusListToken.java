package org.civis.issuer.status;

import com.upokecenter.cbor.CBORObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.civis.issuer.cose.CoseSign1;
import org.civis.issuer.encoding.Cbor;
import org.civis.issuer.keys.IssuerKey;
import org.civis.verifier.spec.CoseHeader;
import org.civis.verifier.spec.CwtClaim;
import org.civis.verifier.spec.TokenStatus;

/**
 * A signed Status List Token in CWT form (draft-ietf-oauth-status-list, "Status List Token in CWT
 * Format"): COSE_Sign1 (tag 18, as in the draft's example) whose protected header holds alg, kid and
 * {@code typ} {@code application/statuslist+cwt}, over the claims 1 iss, 2 sub (the list's URI, equal
 * to the {@code uri} in the credentials), 6 iat, 4 exp, 65534 ttl and 65533 {@code {"bits": n, "lst":
 * zlib(bytes)}}. The iss claim is beyond what the current draft asks; earlier drafts required it when
 * the referenced tokens carry one, and ours do.
 *
 * @param token the encoded COSE_Sign1, served as {@code application/statuslist+cwt}
 */
public record SignedStatusListToken(String uri, Instant issuedAt, Instant expiresAt, String kid, byte[] token) {

    public SignedStatusListToken {
        token = token.clone();
    }

    /**
     * Signs {@code list} as the list at {@code uri}.
     *
     * @param ttl how long a verifier may keep the token before fetching a fresh one
     * @param validity how long after {@code issuedAt} the token expires
     */
    public static SignedStatusListToken sign(
            String issuer,
            String uri,
            StatusList list,
            Instant issuedAt,
            Duration ttl,
            Duration validity,
            IssuerKey key) {
        Instant iat = issuedAt.truncatedTo(ChronoUnit.SECONDS);
        Instant exp = iat.plus(validity);
        CBORObject statusList =
                CBORObject.NewMap().Add(TokenStatus.BITS, list.bits()).Add(TokenStatus.LST, list.compressed());
        CBORObject claims = CBORObject.NewMap()
                .Add(CwtClaim.ISS, issuer)
                .Add(CwtClaim.SUB, uri)
                .Add(CwtClaim.IAT, iat.getEpochSecond())
                .Add(CwtClaim.EXP, exp.getEpochSecond())
                .Add(CwtClaim.TTL, ttl.toSeconds())
                .Add(CwtClaim.STATUS_LIST, statusList);
        byte[] token = CoseSign1.sign(
                key,
                Map.of(CoseHeader.TYP, CBORObject.FromObject(TokenStatus.CWT_MEDIA_TYPE)),
                Cbor.deterministic(claims),
                false);
        return new SignedStatusListToken(uri, iat, exp, key.kid(), token);
    }

    @Override
    public byte[] token() {
        return token.clone();
    }
}
