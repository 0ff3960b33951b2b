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
import org.civis.verifier.internal.Step;
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
        Step<byte[]> cose = textDecoder.decode(qrText);
        if (cose.isRefused()) {
            return VerificationResult.rejected(cose.error().code(), cose.error().message());
        }
        return verifyCose(cose.value(), at);
    }

    /** Verifies the bytes of a COSE message (after Base45 and zlib), for transports other than QR text. */
    public VerificationResult verifyCose(byte[] coseMessage, Instant at) {
        Objects.requireNonNull(coseMessage, "coseMessage");
        Objects.requireNonNull(at, "at");
        Progress progress = new Progress();
        return progress.finish(run(coseMessage, at, progress));
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
     * profile claims, status reference, status, times. Each stage answers with a {@link Step}; the
     * first refusal ends the run. Empty means valid.
     */
    private Optional<VerificationError> run(byte[] coseBytes, Instant at, Progress progress) {
        Step<Signed> signed = openAndCheckSignature(coseBytes, progress);
        if (signed.isRefused()) {
            return Optional.of(signed.error());
        }
        if (!signed.value().signed() && !allowUnsigned) {
            return refusal(ErrorCode.SIGNATURE_MISSING, "the credential carries no signature");
        }
        Step<Cwt> read = CwtReader.read(signed.value().payload(), bounds);
        if (read.isRefused()) {
            return Optional.of(read.error());
        }
        Cwt cwt = read.value();
        progress.cwt = Optional.of(cwt.view(Optional.empty()));
        if (profile == Profile.CLAIM169
                || cwt.claimLenient(CwtClaim.IDENTITY_DATA).isPresent()) {
            Step<Claim169> claims = Claim169Reader.read(cwt, bounds);
            if (claims.isRefused()) {
                return Optional.of(claims.error());
            }
            progress.claims = Optional.of(claims.value());
        }
        Step<Optional<StatusReference>> reference = StatusReferences.read(cwt);
        if (reference.isRefused()) {
            return Optional.of(reference.error());
        }
        progress.cwt = Optional.of(cwt.view(reference.value()));
        if (reference.value().isPresent()) {
            StatusLookup.Answer answer =
                    StatusLookup.lookup(statusLists, reference.value().get(), at);
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
        return signed.value().signed()
                ? Optional.empty()
                : refusal(ErrorCode.UNSIGNED, "no signature; shown because unsigned credentials are allowed");
    }

    /** The payload to read claims from, and whether a trusted key signed it. */
    private record Signed(boolean signed, byte[] payload) {}

    private Step<Signed> openAndCheckSignature(byte[] coseBytes, Progress progress) {
        Step<CoseMessage> message = CoseParser.decode(coseBytes, bounds);
        if (message.isRefused()) {
            return message.refusal();
        }
        if (message.value() instanceof CoseMessage.Sign1 sign1) {
            return checkSignature(sign1, progress);
        }
        CoseMessage.Encrypt0 encrypted = (CoseMessage.Encrypt0) message.value();
        Step<Optional<Kid>> kid = encrypted.headers().kid();
        if (kid.isRefused()) {
            return kid.refusal();
        }
        progress.kid = kid.value();
        Step<byte[]> plaintext = Decryption.decrypt(encrypted, keys);
        if (plaintext.isRefused()) {
            return plaintext.refusal();
        }
        Step<CBORObject> inner = BoundedCbor.decode(plaintext.value(), bounds);
        if (inner.isRefused()) {
            return inner.refusal();
        }
        if (CborValues.isMap(inner.value()) && !inner.value().isTagged()) {
            // Encrypted claims with no signature inside: whoever holds the shared key could
            // have written them, so they count as unsigned.
            Step<CoseAlgorithm> algorithm = encrypted.headers().algorithm();
            if (algorithm.isRefused()) {
                return algorithm.refusal();
            }
            progress.algorithm = Optional.of(algorithm.value());
            return Step.ok(new Signed(false, inner.value().EncodeToBytes()));
        }
        Step<CoseMessage> innerMessage = CoseParser.parse(inner.value(), bounds);
        if (innerMessage.isRefused()) {
            return innerMessage.refusal();
        }
        if (!(innerMessage.value() instanceof CoseMessage.Sign1 sign1)) {
            return Step.refuse(ErrorCode.COSE_STRUCTURE, "COSE_Encrypt0 inside COSE_Encrypt0");
        }
        return checkSignature(sign1, progress);
    }

    private Step<Signed> checkSignature(CoseMessage.Sign1 sign1, Progress progress) {
        Step<Optional<Kid>> kid = sign1.headers().kid();
        if (kid.isRefused()) {
            return kid.refusal();
        }
        progress.kid = kid.value();
        Step<CoseAlgorithm> algorithm = sign1.headers().algorithm();
        if (algorithm.isRefused()) {
            return algorithm.refusal();
        }
        progress.algorithm = Optional.of(algorithm.value());
        Step<SignatureCheck.Outcome> outcome = SignatureCheck.check(sign1, keys, new byte[0], provider);
        if (outcome.isRefused()) {
            return outcome.refusal();
        }
        return Step.ok(new Signed(outcome.value() instanceof SignatureCheck.Signed, sign1.payload()));
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
