package org.civis.verifier.verdict;

/** What a field verifier is told about one credential. Only {@link #VALID} means "trust it". */
public enum Verdict {
    VALID,
    /** The signature does not verify under the key its kid names, or is missing. */
    INVALID_SIGNATURE,
    /** No trusted key matches the message's kid (and no kid-less key is trusted). */
    UNKNOWN_ISSUER,
    EXPIRED,
    NOT_YET_VALID,
    /** The issuer's status list says INVALID (value 1). */
    REVOKED,
    /** The issuer's status list says SUSPENDED (value 2), or a value this verifier cannot interpret. */
    SUSPENDED,
    /** An empty signature, accepted only because the caller asked to see unsigned credentials. */
    UNSIGNED,
    /** The QR text, its encodings or its structure are broken; nothing in it can be believed. */
    MALFORMED
}
