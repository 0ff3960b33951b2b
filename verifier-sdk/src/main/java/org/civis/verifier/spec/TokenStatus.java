package org.civis.verifier.spec;

/**
 * IETF Token Status List (draft-ietf-oauth-status-list): the status values, the member names of
 * the status claims, and the media type of a Status List Token in CWT form.
 */
public final class TokenStatus {
    public static final int VALID = 0;
    public static final int INVALID = 1;
    public static final int SUSPENDED = 2;

    /** Member of the referenced token's status claim. */
    public static final String STATUS_LIST = "status_list";

    public static final String IDX = "idx";
    public static final String URI = "uri";
    public static final String BITS = "bits";
    public static final String LST = "lst";

    /** The {@code typ} (COSE header 16) of a Status List Token. */
    public static final String CWT_MEDIA_TYPE = "application/statuslist+cwt";

    private TokenStatus() {}
}
