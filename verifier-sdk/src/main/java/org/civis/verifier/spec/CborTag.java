package org.civis.verifier.spec;

/** CBOR tags that wrap a credential (IANA "CBOR Tags"; RFC 9052 section 2, RFC 8392 section 6). */
public final class CborTag {
    /** CWT (RFC 8392): optional, around the COSE message. */
    public static final int CWT = 61;

    public static final int COSE_SIGN1 = 18;
    public static final int COSE_ENCRYPT0 = 16;

    private CborTag() {}
}
