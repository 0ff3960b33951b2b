package org.civis.verifier.spec;

/**
 * CWT claim keys (RFC 8392 section 4; IANA "CBOR Web Token Claims"): the registered ones, MOSIP's
 * identity data, and the three of the IETF Token Status List (draft-ietf-oauth-status-list).
 */
public final class CwtClaim {
    public static final int ISS = 1;
    public static final int SUB = 2;
    public static final int AUD = 3;
    public static final int EXP = 4;
    public static final int NBF = 5;
    public static final int IAT = 6;
    public static final int CTI = 7;

    /** MOSIP Claim 169: the resident's identity data. */
    public static final int IDENTITY_DATA = 169;

    /** A referenced token's status: {@code {"status_list": {"idx": n, "uri": "..."}}}. */
    public static final int STATUS = 65535;

    /** In a Status List Token: {@code {"bits": 1|2|4|8, "lst": zlib-compressed bytes}}. */
    public static final int STATUS_LIST = 65533;

    /** In a Status List Token: seconds a verifier may keep it before fetching a fresh one. */
    public static final int TTL = 65534;

    private CwtClaim() {}
}
