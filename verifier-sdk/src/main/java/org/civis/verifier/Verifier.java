package org.civis.verifier;

import com.upokecenter.cbor.CBORObject;
import java.security.Provider;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.civis.verifier.claims.Claim169;
import org.civis.verifier.claims.CwtClaims;
import org.civis.verifier.internal.Bounds;
import org.civis.verifier.internal.Rejection;
import org.civis.verifier.internal.cbor.BoundedCbor;
import org.civis.verifier.internal.cbor.CborValues;
import org.civis.verifier.internal.claim169.Claim169Reader;
import org.civis.verifier.internal.cose.CoseMessage;
import org.civis.verifier.internal.cose.CoseParser;
import org.civis.verifier.internal.cose.Decryption;
import org.civis.verifier.internal.cose.SignatureCheck;
import org.civis.verifier.internal.cwt.Cwt;
import org.civis.verifier.internal.cwt.CwtReader;
import org.civis.verifier.internal.cwt.TimeRules;
import org.civis.verifier.internal.envelope.QrTextDecoder;
import org.civis.verifier.internal.status.StatusLookup;
import org.civis.verifier.internal.status.StatusReferences;
import org.civis.verifier.spec.CoseAlgorithm;
import org.civis.verifier.spec.CwtClaim;
import org.civis.verifier.status.CredentialStatus;
import org.civis.verifier.status.StatusLists;
import org.civis.verifier.status.StatusReference;
import org.civis.verifier.trust.KeyRing;
import org.civis.verifier.trust.Kid;
import org.civis.verifier.verdict.ErrorCode;
import org.civis.verifier.verdict.Verdict;
import org.civis.verifier.verdict.VerificationError;

/**
 * Verifies QR credentials offline: prefix, Base45, zlib, COSE (optionally encrypted), signature by
 * a trusted key, CWT times at an instant, status list, profile claims. Immutable and thread-safe;
 * build one per set of trusted keys and reuse it.
 *
 * <pre>{@code
 * Verifier verifier = Verifier.builder().keys(keyRing).statusLists(lists).build();
 * VerificationResult result = verifier.verify(qrText);
 * }</pre>
 */
public final class Verifier {
    private final KeyRing keys;
    private final StatusLists statusLists;
    private final Clock clock;
    private final boolean allowUnsigned;
    private final Profile profile;
    private final Bounds bounds;
    private final Optional<Provider> provider;
    private final QrTextDecoder textDecoder;

    private Verifier(Builder builder) {
        this.keys = builder.keys;
        this.statusLists = builder.statusLists;
        this.clock = builder.clock;
        this.allowUnsigned = builder.allowUnsigned;
        this.profile = builder.profile;
        this.bounds = bounds(builder.limits);
        this.provider = builder.provider;
        this.textDecoder = new QrTextDecoder(bounds);
    }

    /** The same numbers for the pipeline, which does not depend on this package. */
    private static Bounds bounds(Limits limits) {
        return new Bounds(
                limits.maxTextLength(),
                limits.maxInflatedBytes(),
                limits.maxStatusListBytes(),
                limits.maxCborDepth(),
                limits.maxCborItems());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Verifies QR text at the clock's current instant. */
    public VerificationResult verify(String qrText) {
        return verify(qrText, clock.instant());
    }

    /** Verifies QR text, judging exp, nbf, iat and status at {@code at}. Never throws for any text. */
    public VerificationResult verify(String qrText, Instant at) {
        Objects.requireNonNull(qrText, "qrText");
        Objects.requireNonNull(at, "at");
        byte[] cose;
        try {
            cose = textDecoder.decode(qrText);
        } catch (Rejection rejection) {
            return VerificationResult.rejected(
                    rejection.error().code(), rejection.error().message());
        }
        return verifyCose(cose, at);
    }

    /** Verifies the bytes of a COSE message (after Base45 and zlib), for transports other than QR text. */
    public VerificationResult verifyCose(byte[] coseMessage, Instant at) {
        Objects.requireNonNull(coseMessage, "coseMessage");
        Objects.requireNonNull(at, "at");
        Progress progress = new Progress();
        try {
            return progress.finish(run(coseMessage, at, progress));
        } catch (Rejection rejection) {
            return progress.finish(Optional.of(rejection.error()));
        }
    }

    /** What the pipeline has learned so far, so a refusal late on still reports alg, kid and claims. */
    private static final class Progress {
        Optional<CoseAlgorithm> algorithm = Optional.empty();
        Optional<Kid> kid = Optional.empty();
        Optional<CwtClaims> cwt = Optional.empty();
        Optional<Claim169> claims = Optional.empty();
        CredentialStatus status = CredentialStatus.NOT_REFERENCED;

        VerificationResult finish(Optional<VerificationError> error) {
            Verdict verdict = error.map(e -> e.code().verdict()).orElse(Verdict.VALID);
            return new VerificationResult(verdict, error, algorithm, kid, cwt, claims, status);
        }
    }

    /**
     * The stages in order: COSE structure (opening COSE_Encrypt0 first), signature, CWT claims,
     * profile claims, status, times. A parser deep inside a stage refuses by throwing {@link
     * Rejection}; a stage that judges answers with a value. Empty means valid.
     */
    private Optional<VerificationError> run(byte[] coseBytes, Instant at, Progress progress) throws Rejection {
        Signed signed = openAndCheckSignature(coseBytes, progress);
        if (!signed.signed() && !allowUnsigned) {
            return refusal(ErrorCode.SIGNATURE_MISSING, "the credential carries no signature");
        }
        Cwt cwt = CwtReader.read(signed.payload(), bounds);
        progress.cwt = Optional.of(cwt.view(Optional.empty()));
        if (profile == Profile.CLAIM169
                || cwt.claimLenient(CwtClaim.IDENTITY_DATA).isPresent()) {
            progress.claims = Optional.of(Claim169Reader.read(cwt, bounds));
        }
        Optional<StatusReference> reference = StatusReferences.read(cwt);
        progress.cwt = Optional.of(cwt.view(reference));
        if (reference.isPresent()) {
            StatusLookup.Answer answer = StatusLookup.lookup(statusLists, reference.get(), at);
            if (answer instanceof StatusLookup.Refused refused) {
                return Optional.of(refused.error());
            }
            progress.status = ((StatusLookup.Known) answer).status();
        }
        Optional<VerificationError> times = TimeRules.judge(cwt, at);
        if (times.isPresent()) {
            return times;
        }
        switch (progress.status) {
            case INVALID:
                return refusal(ErrorCode.STATUS_REVOKED, "the issuer's status list marks it revoked");
            case SUSPENDED:
                return refusal(ErrorCode.STATUS_SUSPENDED, "the issuer's status list marks it suspended");
            case UNRECOGNIZED:
                return refusal(
                        ErrorCode.STATUS_UNRECOGNIZED, "the status list holds a value this verifier does not know");
            default:
                break;
        }
        return signed.signed()
                ? Optional.empty()
                : refusal(ErrorCode.UNSIGNED, "no signature; shown because unsigned credentials are allowed");
    }

    /** The payload to read claims from, and whether a trusted key signed it. */
    private record Signed(boolean signed, byte[] payload) {}

    private Signed openAndCheckSignature(byte[] coseBytes, Progress progress) throws Rejection {
        CoseMessage message = CoseParser.parse(BoundedCbor.decode(coseBytes, bounds), bounds);
        if (message instanceof CoseMessage.Encrypt0 encrypted) {
            progress.kid = encrypted.headers().kid();
            CBORObject inner = BoundedCbor.decode(Decryption.decrypt(encrypted, keys), bounds);
            if (CborValues.isMap(inner) && !inner.isTagged()) {
                // Encrypted claims with no signature inside: whoever holds the shared key could
                // have written them, so they count as unsigned.
                progress.algorithm = Optional.of(encrypted.headers().algorithm());
                return new Signed(false, inner.EncodeToBytes());
            }
            CoseMessage innerMessage = CoseParser.parse(inner, bounds);
            if (!(innerMessage instanceof CoseMessage.Sign1 sign1)) {
                throw new Rejection(ErrorCode.COSE_STRUCTURE, "COSE_Encrypt0 inside COSE_Encrypt0");
            }
            return new Signed(checkSignature(sign1, progress), sign1.payload());
        }
        CoseMessage.Sign1 sign1 = (CoseMessage.Sign1) message;
        return new Signed(checkSignature(sign1, progress), sign1.payload());
    }

    private boolean checkSignature(CoseMessage.Sign1 sign1, Progress progress) throws Rejection {
        progress.kid = sign1.headers().kid();
        progress.algorithm = Optional.of(sign1.headers().algorithm());
        return SignatureCheck.check(sign1, keys, new byte[0], provider) instanceof SignatureCheck.Signed;
    }

    private static Optional<VerificationError> refusal(ErrorCode code, String message) {
        return Optional.of(new VerificationError(code, message));
    }

    /** Configuration of a {@link Verifier}; every setting has a safe default except the keys. */
    public static final class Builder {
        private KeyRing keys = KeyRing.empty();
        private StatusLists statusLists = StatusLists.none();
        private Clock clock = Clock.systemUTC();
        private boolean allowUnsigned;
        private Profile profile = Profile.CLAIM169;
        private Limits limits = Limits.DEFAULT;
        private Optional<Provider> provider = Optional.empty();

        private Builder() {}

        public Builder keys(KeyRing keys) {
            this.keys = Objects.requireNonNull(keys, "keys");
            return this;
        }

        public Builder statusLists(StatusLists statusLists) {
            this.statusLists = Objects.requireNonNull(statusLists, "statusLists");
            return this;
        }

        /** The clock {@link #verify(String)} judges by; use a fixed clock in tests and audits. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Report a COSE_Sign1 with an empty signature as UNSIGNED, with its claims, instead of refusing it. */
        public Builder allowUnsigned(boolean allowUnsigned) {
            this.allowUnsigned = allowUnsigned;
            return this;
        }

        public Builder profile(Profile profile) {
            this.profile = Objects.requireNonNull(profile, "profile");
            return this;
        }

        public Builder limits(Limits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** A JCA provider for signatures, for platforms whose default lacks Ed25519 (Bouncy Castle on older Android). */
        public Builder signatureProvider(Provider provider) {
            this.provider = Optional.of(provider);
            return this;
        }

        public Verifier build() {
            return new Verifier(this);
        }
    }
}
