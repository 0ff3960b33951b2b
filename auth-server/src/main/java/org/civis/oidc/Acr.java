package org.civis.oidc;

/**
 * The authentication contexts a client may ask for in {@code acr_values} and finds in the ID
 * token's {@code acr}; the discovery document lists them. Never rename one: clients match on them.
 */
public final class Acr {
    /** A one-time password to the enrolled phone or e-mail (amr {@code otp}). */
    public static final String GENERATED_CODE = "urn:civis:acr:generated-code";

    /** The one-time password, then the date of birth as a knowledge check (amr {@code otp}, {@code kba}). */
    public static final String GENERATED_CODE_AND_KNOWLEDGE = "urn:civis:acr:generated-code+knowledge";

    private Acr() {}
}
