/**
 * CWT (RFC 8392): the claims map of a COSE payload, its registered claims (iss, sub, aud, exp, nbf,
 * iat, cti) read strictly, and the time rules judged at an instant the caller chooses. Profiles
 * such as Claim 169 and status references are read elsewhere from the same map.
 */
package org.civis.verifier.internal.cwt;
