/**
 * The typed claims a verifier reads from a credential: the CWT's registered claims and status
 * reference ({@link org.civis.verifier.claims.CwtClaims}), MOSIP Claim 169 identity data
 * ({@link org.civis.verifier.claims.Claim169}, {@link org.civis.verifier.claims.Biometric}). Values
 * only, no CBOR types: the readers live in the internal pipeline.
 */
package org.civis.verifier.claims;
