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

    /**
     * How many more compressed bytes a real signature may take than the stand-in the photo was sized
     * on. Both are 64 incompressible bytes, but they change the stream's Huffman tables differently:
     * over 18,000 ES256 signings of six typical credentials the real one took from 3 bytes fewer to 2 more.
     */
    private static final int SIGNATURE_SPREAD_BYTES = 4;

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
        PhotoOutcome.Status omitted = PhotoOutcome.Status.ABSENT;
        if (source.isPresent()) {
            omitted = PhotoOutcome.Status.TOO_LARGE;
            int capacity = QrPayload.bytesFitting(QrEncoder.alphanumericCapacity(QrEncoder.MAX_VERSION));
            int budget = capacity
                    - sizedLength(request, demographics)
                    - PHOTO_ENTRY_BYTES
                    - ZLIB_SLACK_BYTES
                    - SIGNATURE_SPREAD_BYTES;
            for (int attempt = 0; attempt < FIT_ATTEMPTS && budget > 0; attempt++) {
                PhotoOutcome photo = shrinker.shrink(source.get(), budget);
                if (!photo.included()) {
                    omitted = photo.status();
                    break;
                }
                CBORObject withPhoto = Claim169Mapper.withPhoto(demographics, photo.jpeg());
                int sized = sizedLength(request, withPhoto);
                int signedLength = 0;
                if (sized + SIGNATURE_SPREAD_BYTES <= capacity) {
                    Candidate signed = signed(request, withPhoto, photo);
                    if (signed.fits()) {
                        return signed.issued();
                    }
                    signedLength = signed.payload().compressed().length;
                }
                int overshoot = Math.max(sized + SIGNATURE_SPREAD_BYTES, signedLength) - capacity;
                budget -= Math.max(overshoot, 0) + ZLIB_SLACK_BYTES;
            }
        }
        Candidate without = signed(request, demographics, PhotoOutcome.omitted(omitted));
        if (!without.fits()) {
            throw new IllegalStateException("the claims alone do not fit a version " + QrEncoder.MAX_VERSION + " QR");
        }
        return without.issued();
    }

    /**
     * The compressed length of the credential with these identity claims, measured on a stand-in
     * signature ({@link CoseSign1#standIn}) so that every choice made on it is the same each time the
     * same request is issued: a reprint carries the same photo as the first print, whatever the key.
     */
    private static int sizedLength(CredentialRequest request, CBORObject identityClaims) {
        byte[] cwt =
                CoseSign1.standIn(request.key(), Map.of(), Cbor.deterministic(claims(request, identityClaims)), true);
        return QrPayload.of(cwt).compressed().length;
    }

    private static Candidate signed(CredentialRequest request, CBORObject identityClaims, PhotoOutcome photo) {
        byte[] cwt = CoseSign1.sign(request.key(), Map.of(), Cbor.deterministic(claims(request, identityClaims)), true);
        QrPayload payload = QrPayload.of(cwt);
        return new Candidate(request, cwt, payload, QrEncoder.encode(payload.base45()), photo);
    }

    private static CBORObject claims(CredentialRequest request, CBORObject identityClaims) {
        return CBORObject.NewMap()
                .Add(CwtClaim.ISS, request.issuer())
                .Add(CwtClaim.SUB, request.identity().uin().value())
                .Add(CwtClaim.EXP, request.expiresAt().getEpochSecond())
                .Add(CwtClaim.NBF, request.issuedAt().getEpochSecond())
                .Add(CwtClaim.IAT, request.issuedAt().getEpochSecond())
                .Add(CwtClaim.IDENTITY_DATA, identityClaims)
                .Add(CwtClaim.STATUS, request.status().toCbor());
    }

    private record Candidate(
            CredentialRequest request, byte[] cwt, QrPayload payload, Optional<QrSymbol> qr, PhotoOutcome photo) {
        boolean fits() {
            return qr.isPresent() && qr.get().version() <= QrEncoder.MAX_VERSION;
        }

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
