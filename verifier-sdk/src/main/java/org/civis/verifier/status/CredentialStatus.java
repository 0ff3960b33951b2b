package org.civis.verifier.status;

/** What the verifier knows of a credential's status at the judged instant. */
public enum CredentialStatus {
    /** The credential carries no status reference; there is nothing to look up. */
    NOT_REFERENCED,
    VALID,
    /** Status value 1: revoked for good. */
    INVALID,
    SUSPENDED,
    /** No trusted, current list for the referenced uri: the verifier cannot tell. */
    UNKNOWN,
    /** A value other than 0, 1, 2 (application-specific in the draft; Civis issues none). */
    UNRECOGNIZED
}
