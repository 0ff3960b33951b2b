package org.civis.verifier.spec;

/** COSE header parameter labels (RFC 9052 section 3.1; typ from RFC 9596). */
public final class CoseHeader {
    public static final int ALG = 1;
    public static final int CRIT = 2;
    public static final int CONTENT_TYPE = 3;
    public static final int KID = 4;
    public static final int IV = 5;
    public static final int PARTIAL_IV = 6;
    public static final int TYP = 16;

    private CoseHeader() {}
}
