package org.civis.issuer;

import com.upokecenter.cbor.CBORObject;
import java.util.Map;
import java.util.Optional;
import org.civis.core.schema.IdSchema;
import org.civis.issuer.claim169.Claim169Mapper;
import org.civis.issuer.cose.CoseSign1;
import org.civis.issuer.encoding.Cbor;
import org.civis.issuer.photo.PhotoOutcome;
import org.civis.issuer.photo.PhotoShrinker;
import org.civis.issuer.photo.SourcePhoto;
import org.civis.issuer.qr.QrEncoder;
import org.civis.issuer.qr.QrPayload;
import org.civis.issuer.qr.QrSymbol;
import org.civis.verifier.spec.CwtClaim;

/**
 * Issues Claim 169 QR credentials: the identity's claims in a CWT (iss, sub = UIN, iat, nbf, exp,
 * 169, and the status reference 65535), signed as COSE_Sign1 inside the CWT tag, zlib-compressed,
 * Base45-encoded, as a QR symbol at level M of version {@value QrEncoder#MAX_VERSION} or below. The
 * photo gets the room the rest leaves: it is shrunk to that budget, and left out (said so in the
 * result) when it cannot be decoded or made to fit. CPU-bound and blocking: run it on a worker.
 * Thread-safe.
 */
public final class CredentialIssuer {
    /** CBOR cost of the photo's two entries beyond its bytes: keys 16 and 17, the bstr head, the format. */
    private static final int PHOTO_ENTRY_BYTES = 8;

    /** zlib cannot shrink JPEG data and may add a few bytes around it. */
    private static final int ZLIB_SLACK_BYTES = 12;

    /** A failed fit shrinks the budget by the overshoot and tries again, this many times at most. */
    private static final int FIT_ATTEMPTS = 4;

    private final Claim169Mapper mapper;
    private final PhotoShrinker shrinker = new PhotoShrinker();

    public CredentialIssuer(IdSchema schema) {
        this.mapper = new Claim169Mapper(schema);
    }

    public IssuedCredential issue(CredentialRequest request) {
        CBORObject demographics = mapper.demographics(request.identity());
        Optional<SourcePhoto> source = mapper.photo(request.identity());
        Candidate without = build(request, demographics, PhotoOutcome.omitted(PhotoOutcome.Status.ABSENT));
        if (without.qr().isEmpty() || without.qr().get().version() > QrEncoder.MAX_VERSION) {
            throw new IllegalStateException("the claims alone do not fit a version " + QrEncoder.MAX_VERSION + " QR");
        }
        if (source.isEmpty()) {
            return without.issued();
        }
        int capacity = QrPayload.bytesFitting(QrEncoder.alphanumericCapacity(QrEncoder.MAX_VERSION));
        int budget = capacity - without.payload().compressed().length - PHOTO_ENTRY_BYTES - ZLIB_SLACK_BYTES;
        PhotoOutcome.Status omitted = PhotoOutcome.Status.TOO_LARGE;
        for (int attempt = 0; attempt < FIT_ATTEMPTS && budget > 0; attempt++) {
            PhotoOutcome photo = shrinker.shrink(source.get(), budget);
            if (!photo.included()) {
                omitted = photo.status();
                break;
            }
            Candidate with = build(request, Claim169Mapper.withPhoto(demographics, photo.jpeg()), photo);
            if (with.qr().isPresent() && with.qr().get().version() <= QrEncoder.MAX_VERSION) {
                return with.issued();
            }
            budget -= with.payload().compressed().length - capacity + ZLIB_SLACK_BYTES;
        }
        return build(request, demographics, PhotoOutcome.omitted(omitted)).issued();
    }

    private static Candidate build(CredentialRequest request, CBORObject identityClaims, PhotoOutcome photo) {
        CBORObject claims = CBORObject.NewMap()
                .Add(CwtClaim.ISS, request.issuer())
                .Add(CwtClaim.SUB, request.identity().uin().value())
                .Add(CwtClaim.EXP, request.expiresAt().getEpochSecond())
                .Add(CwtClaim.NBF, request.issuedAt().getEpochSecond())
                .Add(CwtClaim.IAT, request.issuedAt().getEpochSecond())
                .Add(CwtClaim.IDENTITY_DATA, identityClaims)
                .Add(CwtClaim.STATUS, request.status().toCbor());
        byte[] cwt = CoseSign1.sign(request.key(), Map.of(), Cbor.deterministic(claims), true);
        QrPayload payload = QrPayload.of(cwt);
        return new Candidate(request, cwt, payload, QrEncoder.encode(payload.base45()), photo);
    }

    private record Candidate(
            CredentialRequest request, byte[] cwt, QrPayload payload, Optional<QrSymbol> qr, PhotoOutcome photo) {
        IssuedCredential issued() {
            QrSymbol symbol = qr.orElseThrow();
            CredentialSizes sizes = new CredentialSizes(
                    photo.bytes(),
                    cwt.length,
                    payload.compressed().length,
                    payload.base45().length(),
                    symbol.version());
            return new IssuedCredential(
                    cwt,
                    symbol,
                    sizes,
                    photo,
                    request.key().kid(),
                    request.key().algorithm(),
                    request);
        }
    }
}
