package org.civis.verifier.verdict;

/**
 * The stable reasons a credential is not {@link Verdict#VALID}. Scripts match on these names, so a
 * name is never changed or reused; new reasons are added at the end of their stage.
 */
public enum ErrorCode {
    QR_NOT_FOUND(Stage.QR, Verdict.MALFORMED),
    QR_IMAGE_UNREADABLE(Stage.QR, Verdict.MALFORMED),
    INPUT_EMPTY(Stage.QR, Verdict.MALFORMED),
    INPUT_TOO_LARGE(Stage.QR, Verdict.MALFORMED),

    PREFIX_INVALID(Stage.PREFIX, Verdict.MALFORMED),

    BASE45_INVALID(Stage.BASE45, Verdict.MALFORMED),

    ZLIB_INVALID(Stage.ZLIB, Verdict.MALFORMED),
    ZLIB_TOO_LARGE(Stage.ZLIB, Verdict.MALFORMED),

    CBOR_INVALID(Stage.COSE, Verdict.MALFORMED),
    CBOR_TOO_COMPLEX(Stage.COSE, Verdict.MALFORMED),
    COSE_STRUCTURE(Stage.COSE, Verdict.MALFORMED),
    COSE_ALG_UNSUPPORTED(Stage.COSE, Verdict.MALFORMED),
    COSE_CRIT_UNSUPPORTED(Stage.COSE, Verdict.MALFORMED),
    DECRYPTION_KEY_UNKNOWN(Stage.COSE, Verdict.MALFORMED),
    DECRYPTION_FAILED(Stage.COSE, Verdict.MALFORMED),
    KEY_UNKNOWN(Stage.COSE, Verdict.UNKNOWN_ISSUER),
    KEY_ALG_MISMATCH(Stage.COSE, Verdict.INVALID_SIGNATURE),
    SIGNATURE_INVALID(Stage.COSE, Verdict.INVALID_SIGNATURE),
    SIGNATURE_MISSING(Stage.COSE, Verdict.INVALID_SIGNATURE),
    UNSIGNED(Stage.COSE, Verdict.UNSIGNED),

    CWT_NOT_A_MAP(Stage.CWT, Verdict.MALFORMED),
    CWT_CLAIM_INVALID(Stage.CWT, Verdict.MALFORMED),
    EXPIRED(Stage.CWT, Verdict.EXPIRED),
    NOT_YET_VALID(Stage.CWT, Verdict.NOT_YET_VALID),
    ISSUED_IN_FUTURE(Stage.CWT, Verdict.NOT_YET_VALID),
    STATUS_REFERENCE_INVALID(Stage.CWT, Verdict.MALFORMED),
    STATUS_INDEX_OUT_OF_RANGE(Stage.CWT, Verdict.MALFORMED),
    STATUS_REVOKED(Stage.CWT, Verdict.REVOKED),
    STATUS_SUSPENDED(Stage.CWT, Verdict.SUSPENDED),
    STATUS_UNRECOGNIZED(Stage.CWT, Verdict.SUSPENDED),

    CLAIM169_MISSING(Stage.CLAIMS, Verdict.MALFORMED),
    CLAIM169_INVALID(Stage.CLAIMS, Verdict.MALFORMED);

    private final Stage stage;
    private final Verdict verdict;

    ErrorCode(Stage stage, Verdict verdict) {
        this.stage = stage;
        this.verdict = verdict;
    }

    public Stage stage() {
        return stage;
    }

    /** The verdict a credential gets when this is the reason. */
    public Verdict verdict() {
        return verdict;
    }
}
