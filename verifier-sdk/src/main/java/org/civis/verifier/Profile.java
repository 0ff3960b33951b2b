package org.civis.verifier;

/** What a credential must carry beyond a valid CWT. */
public enum Profile {
    /** MOSIP Claim 169: claim 169 must be present and well-formed. The default. */
    CLAIM169,
    /** Any CWT (EU DCC, RFC 8392 examples); claim 169 is read when present. */
    CWT
}
